package dev.weft.transform.property;

import dev.weft.Generator;
import dev.weft.transform.api.Rewriter;
import dev.weft.transform.property.Ast.Op;
import dev.weft.transform.property.Ast.Program;
import dev.weft.transform.testing.InMemoryJavac;
import dev.weft.transform.testing.JavaSource;
import dev.weft.transform.testing.MemoryClassLoader;
import dev.weft.transform.testing.Weaver;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Compiles a batch of programs in one javac call (both forms of each), rewrites and checks the
 * Weft form of each, loads everything under the verifier, runs each program's script on both
 * forms and compares what happened, event by event.
 */
final class Runner {
    static final long TIMEOUT_SECONDS = 20;
    /** The most programs one javac call compiles: nightly batches of thousands would need gigabytes in one call. */
    static final int MAX_PER_JAVAC = 200;
    /** The rewrite's refusal of a method too large once rewritten (see {@link Outcome#refusedAsDocumented}). */
    static final String TOO_LARGE = "larger than the JVM's 64 KB limit";
    /**
     * From this many suspension points in one method, the 64 KB refusal is expected: saving and
     * restoring about 70 live locals costs 150 to 190 bytes per point (the property found
     * refusals at 374 and 424 points), so 300 points and more may reach the limit. A program
     * refused with fewer points, where the rewrite grew the method more than that, still fails.
     */
    static final int MANY_SUSPENSION_POINTS = 300;
    /** How many programs the rewrite refused as too large, for the summary line. */
    static final java.util.concurrent.atomic.AtomicInteger REFUSED_AS_TOO_LARGE = new java.util.concurrent.atomic.AtomicInteger();
    private static ExecutorService worker = newWorker();
    /** Time spent in javac, for the summary line. */
    static final java.util.concurrent.atomic.AtomicLong COMPILE_NANOS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * How programs are printed and driven: as generators ({@link #GENERATORS}) or as coroutines
     * ({@link CoroutineRunner#COROUTINES}).
     */
    interface Form {
        /** The Weft class {@code W<k>} and the reference class {@code R<k>} of program {@code k}. */
        String classes(int k, Program p, int release);

        /** The program as a reader wants it in a failure report. */
        String describe(Program p, int release);

        /** Runs the program's script on {@code className} (a W or an R class); returns the events. */
        List<String> drive(ClassLoader loader, String className, Program p) throws Exception;
    }

    /** Programs as {@code @Async} generators against {@link ThreadGen}. */
    static final Form GENERATORS = new Form() {
        @Override
        public String classes(int k, Program p, int release) {
            return Printer.classes(k, p, release);
        }

        @Override
        public String describe(Program p, int release) {
            return Printer.describe(p, release);
        }

        @Override
        public List<String> drive(ClassLoader loader, String className, Program p) throws Exception {
            return Runner.drive(loader, className, p);
        }
    };

    /** What happened to one program: the events of both forms, or why the Weft form could not run. */
    static final class Outcome {
        final Form form;
        /** The javac {@code --release} the program was compiled for. */
        final int release;
        final int index;
        final Program program;
        final List<String> weft;
        final List<String> reference;
        final String error;
        /** The most calls of {@code Generator.yield}/{@code yieldFrom}/{@code Weft.await} in one method of the Weft form as javac compiled it. */
        int suspensionPoints;

        Outcome(Form form, int release, int index, Program program, List<String> weft, List<String> reference, String error) {
            this.form = form;
            this.release = release;
            this.index = index;
            this.program = program;
            this.weft = weft;
            this.reference = reference;
            this.error = error;
        }

        boolean failed() {
            return error != null ? !refusedAsDocumented() : !weft.equals(reference);
        }

        /**
         * Whether the rewrite refused the program as docs/rewrite.md says it must: a method with
         * so many suspension points (javac copies a finally block onto every exit, markers
         * included) that saving and restoring the live locals at each cannot fit in 64 KB.
         */
        boolean refusedAsDocumented() {
            return error != null && error.contains(TOO_LARGE) && suspensionPoints >= MANY_SUSPENSION_POINTS;
        }

        /** The first pair of events that differ, as {@code "weft | reference"}; the error for a program that did not run. */
        String firstDifference() {
            if (error != null) {
                return "ERROR " + error.split("\n", 2)[0];
            }
            for (int i = 0; i < Math.max(weft.size(), reference.size()); i++) {
                String w = i < weft.size() ? weft.get(i) : "(nothing)";
                String r = i < reference.size() ? reference.get(i) : "(nothing)";
                if (!w.equals(r)) {
                    return w + " | " + r;
                }
            }
            return "";
        }

        /** The first difference with numbers and traces left out: what a shrunk program must keep. */
        String kind() {
            return firstDifference().replaceAll("\\[[^]]*\\]", "").replaceAll("-?\\d+", "N");
        }

        /** A report a developer can act on: the program, its script, and where the two runs part. */
        String report() {
            StringBuilder s = new StringBuilder();
            s.append(form.describe(program, release));
            if (error != null) {
                s.append("ERROR: ").append(error).append('\n');
                if (reference != null) {
                    s.append("reference: ").append(reference).append('\n');
                }
                return s.toString();
            }
            int n = Math.max(weft.size(), reference.size());
            for (int i = 0; i < n; i++) {
                String w = i < weft.size() ? weft.get(i) : "(nothing)";
                String r = i < reference.size() ? reference.get(i) : "(nothing)";
                s.append(w.equals(r) ? "   same: " + w : "   WEFT: " + w + "\n   REF:  " + r).append('\n');
            }
            return s.toString();
        }
    }

    private Runner() {
    }

    static String source(List<Program> programs, int release) {
        return source(GENERATORS, programs, release);
    }

    static String source(Form form, List<Program> programs, int release) {
        StringBuilder s = new StringBuilder("package gen;\n\n").append(Printer.HEADER).append("public final class Batch {\n}\n\n");
        for (int k = 0; k < programs.size(); k++) {
            s.append(form.classes(k, programs.get(k), release)).append('\n');
        }
        return s.toString();
    }

    /** Runs every program of the batch; compilation errors (a printer bug) throw. */
    static List<Outcome> run(List<Program> programs, int release) {
        return run(GENERATORS, programs, release);
    }

    /**
     * Runs every program of the batch in {@code form}; compilation errors (a printer bug) throw.
     * A batch larger than {@link #MAX_PER_JAVAC} is compiled in slices.
     */
    static List<Outcome> run(Form form, List<Program> programs, int release) {
        if (programs.size() > MAX_PER_JAVAC) {
            List<Outcome> all = new ArrayList<>();
            for (int i = 0; i < programs.size(); i += MAX_PER_JAVAC) {
                all.addAll(run(form, programs.subList(i, Math.min(programs.size(), i + MAX_PER_JAVAC)), release));
            }
            return all;
        }
        long t0 = System.nanoTime();
        String source = source(form, programs, release);
        Map<String, byte[]> compiled;
        try {
            compiled = InMemoryJavac.compile(release, List.of(JavaSource.of("gen.Batch", source)));
        } catch (AssertionError e) {
            // a printer bug: keep the source to look at
            try {
                java.nio.file.Path dir = java.nio.file.Paths.get("target", "weft-property");
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.write(dir.resolve("uncompilable-Batch.java"), source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
        COMPILE_NANOS.addAndGet(System.nanoTime() - t0);
        Rewriter rewriter = Weaver.rewriter(compiled);
        Map<String, byte[]> finalBytes = new TreeMap<>(compiled);
        String[] errors = new String[programs.size()];
        for (int k = 0; k < programs.size(); k++) {
            String name = "gen.W" + k;
            try {
                var result = Weaver.rewrite(rewriter, name, compiled.get(name));
                if (!result.changed()) {
                    errors[k] = "the rewrite left " + name + " unchanged";
                } else {
                    finalBytes.put(name, result.bytes());
                }
            } catch (AssertionError e) {
                errors[k] = e.getMessage();
            }
        }
        MemoryClassLoader loader = new MemoryClassLoader(finalBytes);
        List<Outcome> out = new ArrayList<>();
        for (int k = 0; k < programs.size(); k++) {
            Program p = programs.get(k);
            String name = "gen.W" + k;
            if (errors[k] == null) {
                try {
                    Weaver.check(name, finalBytes.get(name), loader);
                } catch (AssertionError e) {
                    errors[k] = e.getMessage();
                }
            }
            String refName = "gen.R" + k;
            List<String> ref = timed(() -> form.drive(loader, refName, p));
            if (errors[k] != null) {
                Outcome o = new Outcome(form, release, k, p, null, ref, errors[k]);
                o.suspensionPoints = suspensionPoints(compiled.get(name));
                if (o.refusedAsDocumented()) {
                    REFUSED_AS_TOO_LARGE.incrementAndGet();
                }
                out.add(o);
                continue;
            }
            List<String> weft;
            try {
                weft = timed(() -> form.drive(loader, name, p));
            } catch (VerifyError | ClassFormatError e) {
                out.add(new Outcome(form, release, k, p, null, ref, "the JVM rejects " + name + ": " + e + "\n" + Weaver.listing(finalBytes.get(name))));
                continue;
            } catch (TimeoutError e) {
                out.add(new Outcome(form, release, k, p, null, ref, "the Weft form did not finish its script in " + TIMEOUT_SECONDS + " s"));
                continue;
            }
            out.add(new Outcome(form, release, k, p, weft, ref, null));
        }
        return out;
    }

    /** The most calls of {@code Generator.yield}/{@code yieldFrom}/{@code Weft.await} in one method of {@code classBytes}. */
    static int suspensionPoints(byte[] classBytes) {
        int[] most = {0};
        new org.objectweb.asm.ClassReader(classBytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                    private int points;

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals("dev/weft/Generator") && method.startsWith("yield")
                                || owner.equals("dev/weft/Weft") && method.equals("await")) {
                            points++;
                        }
                    }

                    @Override
                    public void visitEnd() {
                        most[0] = Math.max(most[0], points);
                    }
                };
            }
        }, org.objectweb.asm.ClassReader.SKIP_DEBUG | org.objectweb.asm.ClassReader.SKIP_FRAMES);
        return most[0];
    }

    /** Runs one program's script on the class {@code className}'s {@code main}; returns the events. */
    static List<String> drive(ClassLoader loader, String className, Program p) throws Exception {
        Class<?> type = Class.forName(className, true, loader);
        Method main = type.getDeclaredMethod("main", List.class, int.class, int.class);
        main.setAccessible(true);
        Object target = null;
        if (p.instance) {
            java.lang.reflect.Constructor<?> make = type.getDeclaredConstructor();
            make.setAccessible(true);
            target = make.newInstance();
        }
        List<String> trace = new ArrayList<>();
        List<String> events = new ArrayList<>();
        ThreadGen.track();
        Rt.unshare();
        try {
            @SuppressWarnings("unchecked")
            Generator<Object, Object, Object> g = (Generator<Object, Object, Object>) main.invoke(target, trace, p.p0, p.p1);
            @SuppressWarnings("unchecked")
            Generator<Object, Object, Object> h = p.shared ? (Generator<Object, Object, Object>) main.invoke(target, trace, p.p0, p.p1) : g;
            events.add("created " + trace + " " + g.state());
            int turn = 0;
            for (Op op : p.script) {
                Generator<Object, Object, Object> on = turn++ % 2 == 0 ? g : h;
                int before = trace.size();
                String result;
                try {
                    switch (op.kind) {
                        case 0: result = show(on.next()); break;
                        case 1: result = show(on.send(op.arg)); break;
                        case 2: result = show(on.throwIn(new Boom(op.arg))); break;
                        case 4: result = String.valueOf(on.hasNext()); break;
                        default: on.close(); result = "closed";
                    }
                } catch (Throwable e) {
                    result = thrown(e);
                }
                events.add((on == g ? "" : "second main: ") + op + " -> " + result + " " + trace.subList(before, trace.size()) + " " + g.state()
                        + (p.shared ? " " + h.state() : ""));
            }
            events.add("returnValue() -> " + returned(g) + (p.shared ? ", second main's " + returned(h) : ""));
        } catch (InvocationTargetException e) {
            events.add("main(...) -> " + thrown(e.getCause()));
        } finally {
            ThreadGen.abandonAll();
        }
        return events;
    }

    private static String returned(Generator<Object, Object, Object> g) {
        try {
            return show(g.returnValue());
        } catch (Throwable e) {
            return thrown(e);
        }
    }

    static String show(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + ":" + v;
    }

    static String thrown(Throwable e) {
        if (e instanceof NoSuchElementException) {
            return "!StopIteration";
        }
        return "!" + e.getClass().getSimpleName() + (e instanceof Boom ? "(" + ((Boom) e).v + ")" : "");
    }

    static final class TimeoutError extends Error {
        private static final long serialVersionUID = 1L;
    }

    interface Task<T> {
        T call() throws Exception;
    }

    /** Runs {@code task} on the worker thread, so that a program that never finishes fails instead of hanging the build. */
    static <T> T timed(Task<T> task) {
        Future<T> f = worker.submit(task::call);
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker = newWorker(); // the old thread is stuck; it is a daemon
            throw new TimeoutError();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Error) {
                throw (Error) c;
            }
            if (c instanceof InvocationTargetException) {
                c = c.getCause();
            }
            throw new AssertionError("driving the program failed: " + c, c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "weft-property-driver");
            t.setDaemon(true);
            return t;
        });
    }
}
