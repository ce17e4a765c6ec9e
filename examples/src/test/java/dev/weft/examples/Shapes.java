package dev.weft.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an example's output depends on the clock, on randomness, on thread timing or on a repr that
 * Python and Java spell differently, the test compares its <em>shape</em>: a normalizer, applied to
 * both what python3 printed and what the port prints, keeps what must agree and erases the rest.
 * Every other example is compared byte for byte.
 */
final class Shapes {
    private Shapes() {}

    private static final Pattern CLOCK = Pattern.compile("\\b\\d\\d:\\d\\d:\\d\\d\\b");
    /** Python: {@code <Task finished name='Task-2' coro=<func() done, defined at F.py:4> result='返回值'>}. */
    private static final Pattern PY_TASK = Pattern.compile("<Task (\\w+) name='([^']*)' coro=<[^>]*> result=(.*?)>(?=, <Task|\\})");
    /** Weft: {@code <Task finished result=返回值 name='Task-2'>}. */
    private static final Pattern WEFT_TASK = Pattern.compile("<Task (\\w+) result=(.*?) name='([^']*)'>");
    private static final Pattern PY_BYTES = Pattern.compile("b(['\"])((?:\\\\x[0-9a-f]{2}|\\\\.|[^\\\\])*?)\\1$");
    private static final Pattern BYTE = Pattern.compile("\\\\x[0-9a-f]{2}|\\\\.|.", Pattern.DOTALL);
    private static final Pattern PY_FUTURE = Pattern.compile("<Future at 0x\\p{XDigit}+ state=\\w+>");
    private static final Pattern JAVA_FUTURE = Pattern.compile("java\\.util\\.concurrent\\.FutureTask@\\p{XDigit}+\\[.*\\]");
    private static final Pattern SLEPT = Pattern.compile("(worker-[0-2]) has slept for \\d+\\.\\d\\d seconds");
    private static final Pattern NUMBER = Pattern.compile("\\d+\\.\\d\\d");

    /** The normalizer of each example that has one, by name. */
    static final Map<String, UnaryOperator<String>> NORMALIZERS = Map.ofEntries(
            Map.entry("coroutines/SayAfter", Shapes::clock),
            Map.entry("coroutines/SayAfterTasks", Shapes::clock),
            Map.entry("coroutines/ThreeAwaitsDeep", Shapes::lineNumbers),
            Map.entry("waiting/WaitNamedTasks", Shapes::taskSets),
            Map.entry("waiting/WaitTaskList", Shapes::taskSets),
            Map.entry("waiting/WaitCoroutines", Shapes::taskSets),
            Map.entry("executors/RunInExecutor", Shapes::bytesLength),
            Map.entry("executors/ThreadPoolSubmit", Shapes::futuresThenValues),
            Map.entry("queues/WorkerPool", Shapes::workerPool),
            Map.entry("executors/DownloadImage", Shapes::port),
            Map.entry("crawler/Fetch", Shapes::port),
            Map.entry("crawler/DownloadPngs", Shapes::port),
            Map.entry("crawler/PostInit", Shapes::sortedLines),
            Map.entry("redis/RedisHash", Shapes::redisHash),
            Map.entry("streams/EchoServer", Shapes::addressTuples),
            Map.entry("streams/Download", Shapes::port),
            Map.entry("protocols/TcpEchoServer", Shapes::addressTuples),
            Map.entry("protocols/UdpEchoServer", Shapes::addressTuples),
            Map.entry("subprocesses/GetDate", Shapes::dateTime));

    /** Python's {@code str(datetime.now())}, different on every run, becomes {@code DATE TIME}. */
    static String dateTime(String out) {
        return out.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?", "DATE TIME");
    }

    /** Line numbers, which differ between the Python file and its Java port, become {@code N}. */
    static String lineNumbers(String out) {
        return out.replaceAll(", line \\d+", ", line N");
    }

    /** The local server's port, different on every run, becomes {@code PORT}. */
    static String port(String out) {
        return out.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    /** The ports of Python's address tuples, {@code ('127.0.0.1', 8888)}, different on every run, become {@code PORT}. */
    static String addressTuples(String out) {
        return out.replaceAll("\\('127\\.0\\.0\\.1', \\d+\\)", "('127.0.0.1', PORT)");
    }

    /** Lines whose order depends on which answer comes back first: compared as a multiset. */
    static String sortedLines(String out) {
        List<String> lines = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    /** The first connection's three lines in order; the lines of the connections made at once, as a multiset. */
    static String redisHash(String out) {
        List<String> lines = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        Collections.sort(lines.subList(Math.min(3, lines.size()), lines.size()));
        return String.join("\n", lines);
    }

    /** {@code time.strftime('%X')}: the time of day becomes {@code HH:MM:SS}. */
    static String clock(String out) {
        return CLOCK.matcher(out).replaceAll("HH:MM:SS");
    }

    /**
     * {@code print(done)}: each set of tasks becomes its tasks sorted by name, each as
     * {@code Task(name, state, result)}, the result without Python's quotes.
     */
    static String taskSets(String out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("{<Task ") && line.endsWith("}")) {
                line = line.contains(" coro=<")
                        ? canonicalTasks(PY_TASK.matcher(line), 2, 1, 3)
                        : canonicalTasks(WEFT_TASK.matcher(line), 3, 1, 2);
            }
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    private static String canonicalTasks(Matcher m, int name, int state, int result) {
        List<String> tasks = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            String r = m.group(result);
            if (r.length() >= 2 && r.startsWith("'") && r.endsWith("'")) {
                r = r.substring(1, r.length() - 1);
            }
            if (r.equals("null")) {
                r = "None";
            }
            tasks.add("Task(" + m.group(name) + ", " + m.group(state) + ", " + r + ")");
            count++;
        }
        Collections.sort(tasks);
        return count == 0 ? "NO TASKS FOUND" : "tasks " + tasks;
    }

    /** A bytes repr becomes its length: {@code b'<100 bytes>'}. */
    static String bytesLength(String out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            Matcher m = PY_BYTES.matcher(line);
            if (m.find()) {
                Matcher b = BYTE.matcher(m.group(2));
                int n = 0;
                while (b.find()) {
                    n++;
                }
                line = line.substring(0, m.start()) + "b'<" + n + " bytes>'";
            }
            lines.add(line);
        }
        return String.join("\n", lines);
    }

    /** Futures' reprs become {@code <Future>}; what the pool's threads print after them is compared as a multiset of characters. */
    static String futuresThenValues(String out) {
        List<String> lines = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        int futures = 0;
        while (futures < lines.size()
                && (PY_FUTURE.matcher(lines.get(futures)).matches() || JAVA_FUTURE.matcher(lines.get(futures)).matches())) {
            lines.set(futures, "<Future>");
            futures++;
        }
        // Python's print() writes the value and the newline separately, so two threads printing at
        // once may give "56\n\n": the values are compared as the sorted characters they print
        char[] values = String.join("", lines.subList(futures, lines.size())).replaceAll("\\s", "").toCharArray();
        java.util.Arrays.sort(values);
        return String.join("\n", lines.subList(0, futures)) + "\nvalues: " + new String(values);
    }

    /** The random sleeps and the measured totals become {@code ?}; the lines keep their worker, the order is erased. */
    static String workerPool(String out) {
        List<String> lines = new ArrayList<>(Arrays.asList(out.split("\n", -1)));
        int slept = 0;
        while (slept < lines.size() && SLEPT.matcher(lines.get(slept)).matches()) {
            lines.set(slept, "worker-? has slept for ? seconds");
            slept++;
        }
        for (int i = slept; i < lines.size(); i++) {
            lines.set(i, NUMBER.matcher(lines.get(i)).replaceAll("?"));
        }
        return String.join("\n", lines);
    }
}
