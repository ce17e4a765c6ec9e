package dev.weft.transform.debug;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import dev.weft.transform.testing.Ecj;
import dev.weft.transform.testing.Harness;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.Woven;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rewritten program (compiled by javac, then by ECJ) run in a child JVM (this JVM's {@code java.home}) under JDWP, driven with
 * JDI: a breakpoint on a line after a resume stops there on the second round of a loop with the
 * right values in the locals, a local in scope there but dead after the marker is listed with its
 * value or not listed (never an error), the locals written again after a resume are listed again,
 * and a stack trace thrown after a resume shows the user's file, line and method name.
 */
class DebuggerTest {
    static final String SOURCE = String.join("\n",
            "package dbg;",
            "import dev.weft.*;",
            "public class Loop {",
            "    @Async",
            "    static Generator<String, Void, Void> gen(String name, int spare) {",
            "        long big = 1L << 40;",
            "        for (int i = 0; i < 3; i++) {",
            "            String label = name + i;",
            "            String tag = \"t\" + i;",
            "            long stamp = 100L + i;",
            "            System.out.println(\"before \" + tag + \" \" + stamp);",
            "            Generator.yield(label); // YIELD",
            "            int after = i * 10; // BREAK",
            "            System.out.println(\"after \" + after + \" \" + label + \" \" + big);",
            "        }",
            "        return Generator.done();",
            "    }",
            "    @Async",
            "    static Generator<String, Void, Void> boom(String why) {",
            "        Generator.yield(\"first\");",
            "        int n = why.length();",
            "        if (n > 0) throw new IllegalStateException(why); // THROW",
            "        return Generator.done();",
            "    }",
            "    public static void main(String[] args) {",
            "        for (String s : gen(\"w\", 5)) System.out.println(\"got \" + s);",
            "        Generator<String, Void, Void> b = boom(\"bad\");",
            "        b.next();",
            "        try {",
            "            b.next(); // RESUME",
            "        } catch (IllegalStateException e) {",
            "            for (StackTraceElement t : e.getStackTrace()) System.out.println(\"TRACE \" + t);",
            "        }",
            "        System.out.println(\"END\");",
            "    }",
            "}");

    @TempDir
    Path tmp;
    private Process child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    static int lineOf(String tag) {
        String[] lines = SOURCE.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(tag)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(tag);
    }

    /** The rewritten classes, written under {@code tmp/classes}; the class path for the child JVM. */
    private String classPath(String compiler) throws IOException {
        List<JavaSource> units = List.of(JavaSource.of(SOURCE));
        Woven w = Harness.weave(compiler.equals("ECJ") ? Ecj.compile(11, units) : InMemoryJavac.compile(11, units));
        assertThat(w.results().get("dbg.Loop").changed()).isTrue();
        Path dir = tmp.resolve("classes");
        for (Map.Entry<String, byte[]> e : w.classes().entrySet()) {
            Path file = dir.resolve(e.getKey().replace('.', '/') + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return dir + File.pathSeparator + InMemoryJavac.testClassPath();
    }

    private Process launch(String classPath, String... jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", classPath, "dbg.Loop"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javac", "ECJ"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aBreakpointAfterAResumeStopsThereAndShowsTheLocals(String compiler) throws Exception {
        child = launch(classPath(compiler), "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0");
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        Matcher port = Pattern.compile("Listening for transport dt_socket at address: (\\d+)").matcher(String.valueOf(first));
        assertThat(port.find()).as("JDWP's first line: " + first).isTrue();
        StringBuilder rest = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (rest) {
                        rest.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        drain.setDaemon(true);
        drain.start();

        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> args = socket.defaultArguments();
        args.get("hostname").setValue("127.0.0.1");
        args.get("port").setValue(port.group(1));
        VirtualMachine vm = socket.attach(args);
        try {
            int line = lineOf("// BREAK");
            int yieldLine = lineOf("// YIELD");
            List<String> beforeYield = new ArrayList<>();
            ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
            prepare.addClassFilter("dbg.Loop");
            prepare.enable();
            vm.resume();
            List<String> seen = new ArrayList<>();
            int hits = 0;
            boolean done = false;
            while (!done) {
                EventSet events = vm.eventQueue().remove(60_000);
                assertThat(events).as("no JDI event within a minute; child output:\n" + rest).isNotNull();
                for (Event event : events) {
                    if (event instanceof ClassPrepareEvent) {
                        ReferenceType type = ((ClassPrepareEvent) event).referenceType();
                        List<Location> locations = new ArrayList<>(type.locationsOfLine(line));
                        assertThat(locations).as("code at line " + line).isNotEmpty();
                        // the yield line's first code, before the marker (it also has code at the resume point, where
                        // tag and stamp, dead after the marker, are not listed)
                        type.locationsOfLine(yieldLine).stream().min(java.util.Comparator.comparingLong(Location::codeIndex))
                                .ifPresent(locations::add);
                        for (Location l : locations) {
                            BreakpointRequest bp = vm.eventRequestManager().createBreakpointRequest(l);
                            bp.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                            bp.enable();
                        }
                    } else if (event instanceof BreakpointEvent && ((BreakpointEvent) event).location().lineNumber() == yieldLine) {
                        // before the marker, after a resume too: the locals written in this turn are listed with their values
                        ThreadReference thread = ((BreakpointEvent) event).thread();
                        StackFrame frame = thread.frame(0);
                        beforeYield.add(((IntegerValue) value(frame, "i")).value() + ":" + ((StringReference) value(frame, "tag")).value()
                                + ":" + ((com.sun.jdi.LongValue) value(frame, "stamp")).value());
                    } else if (event instanceof BreakpointEvent) {
                        hits++;
                        ThreadReference thread = ((BreakpointEvent) event).thread();
                        StackFrame frame = thread.frame(0);
                        assertThat(frame.location().lineNumber()).isEqualTo(line);
                        assertThat(frame.location().sourceName()).isEqualTo("Loop.java");
                        assertThat(frame.location().declaringType().name()).isEqualTo("dbg.Loop");
                        assertThat(frame.location().method().name()).isEqualTo("gen");
                        int i = ((IntegerValue) value(frame, "i")).value();
                        String label = ((StringReference) value(frame, "label")).value();
                        String name = ((StringReference) value(frame, "name")).value();
                        long big = ((com.sun.jdi.LongValue) value(frame, "big")).value();
                        seen.add(i + ":" + label + ":" + name + ":" + big);
                        assertThat(frame.visibleVariables().stream().map(LocalVariable::name))
                                .as("the locals in scope at line " + line).contains("name", "big", "i", "label")
                                .doesNotContain("after");
                        deadLocalsAreRightOrNotListed(frame, Map.of("tag", "t" + i, "stamp", 100L + i, "spare", 5));
                        if (hits == 2) {
                            for (StackFrame f : thread.frames()) {
                                if (f.location().declaringType().name().equals("dbg.Loop")) {
                                    assertThat(f.location().method().name()).as("a frame of the user's class").isIn("gen", "main");
                                }
                            }
                            done = true;
                            // disarm before letting go: a third hit must not suspend the child as we detach
                            vm.eventRequestManager().deleteAllBreakpoints();
                            prepare.disable();
                        }
                    } else if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                        throw new AssertionError("the child ended before the second hit; seen " + seen + "; output:\n" + rest);
                    }
                }
                events.resume(); // once per set: a thread resumed twice could run past its next stop
            }
            assertThat(seen).containsExactly("0:w0:w:" + (1L << 40), "1:w1:w:" + (1L << 40));
            assertThat(beforeYield).containsExactly("0:t0:100", "1:t1:101");
        } finally {
            try {
                vm.resume();
                vm.dispose();
            } catch (com.sun.jdi.VMDisconnectedException ended) {
                // let go, the child ran to its end before the debugger detached: what we want
            }
        }
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        drain.join(10_000);
        synchronized (rest) {
            assertThat(exited).as("the child exits once the debugger lets go; its output:\n" + rest).isTrue();
        }
        synchronized (rest) {
            assertThat(rest.toString()).contains("before t0 100\ngot w0\nafter 0 w0 " + (1L << 40) + "\nbefore t1 101\ngot w1\n").contains("END");
        }
    }

    /**
     * {@code dead} are in scope here but not read after the marker, so not kept across it: each
     * is either listed with its right value or not listed, and every listed local can be read.
     */
    private static void deadLocalsAreRightOrNotListed(StackFrame frame, Map<String, Object> dead) throws Exception {
        Map<LocalVariable, Value> values = frame.getValues(frame.visibleVariables()); // throws for a listed local with no value
        for (Map.Entry<LocalVariable, Value> e : values.entrySet()) {
            Object expected = dead.get(e.getKey().name());
            if (expected != null) {
                assertThat(plain(e.getValue())).as("the dead local " + e.getKey().name() + " at " + frame.location())
                        .isEqualTo(expected);
            }
        }
    }

    private static Object plain(Value v) {
        if (v instanceof StringReference) {
            return ((StringReference) v).value();
        }
        if (v instanceof com.sun.jdi.LongValue) {
            return ((com.sun.jdi.LongValue) v).value();
        }
        if (v instanceof IntegerValue) {
            return ((IntegerValue) v).value();
        }
        return v;
    }

    private static Value value(StackFrame frame, String name) throws Exception {
        LocalVariable v = frame.visibleVariableByName(name);
        assertThat(v).as("local variable " + name + " at " + frame.location()).isNotNull();
        return frame.getValue(v);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"javac", "ECJ"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aStackTraceThrownAfterAResumeShowsTheUsersFileLineAndMethod(String compiler) throws Exception {
        child = launch(classPath(compiler));
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        List<String> trace = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.startsWith("TRACE ")) {
                trace.add(l.substring("TRACE ".length()).trim());
            }
        }
        assertThat(trace).as(output).isNotEmpty();
        assertThat(trace.get(0)).isEqualTo("dbg.Loop.boom(Loop.java:" + lineOf("// THROW") + ")");
        assertThat(trace).as("every frame of the user's class is named after a user method")
                .filteredOn(t -> t.startsWith("dbg.Loop."))
                .allSatisfy(t -> assertThat(t).matches("dbg\\.Loop\\.(boom|main)\\(Loop\\.java:\\d+\\)"));
        assertThat(trace).contains("dbg.Loop.main(Loop.java:" + lineOf("// RESUME") + ")");
    }
}
