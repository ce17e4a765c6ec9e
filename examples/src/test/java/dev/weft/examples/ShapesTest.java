package dev.weft.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The normalizers erase only what may differ: a wrong output still differs after them. */
class ShapesTest {

    private static final String PY_TASKS = "start\n{<Task finished name='task_name2' coro=<function_name() done, defined at /x/W.py:4> result=None>,"
            + " <Task finished name='task_name1' coro=<function_name() done, defined at /x/W.py:4> result=None>}\n";

    @Test
    void taskSetsCompareNamesStatesAndResultsNotOrderOrRepr() {
        String weft = "start\n{<Task finished result=null name='task_name1'>, <Task finished result=null name='task_name2'>}\n";
        assertEquals(Shapes.taskSets(PY_TASKS), Shapes.taskSets(weft));
        assertNotEquals(Shapes.taskSets(PY_TASKS), Shapes.taskSets(weft.replace("task_name2", "task_name3")));
        assertNotEquals(Shapes.taskSets(PY_TASKS), Shapes.taskSets(weft.replace("result=null name='task_name2'", "result=x name='task_name2'")));
        assertNotEquals(Shapes.taskSets(PY_TASKS), Shapes.taskSets("start\n{<Task finished result=null name='task_name1'>}\n"));
        assertNotEquals(Shapes.taskSets(PY_TASKS), Shapes.taskSets(weft.replace("finished", "pending")));
    }

    @Test
    void clockErasesOnlyTheTime() {
        assertEquals(Shapes.clock("started at 01:02:03\nhello\n"), Shapes.clock("started at 23:59:59\nhello\n"));
        assertNotEquals(Shapes.clock("started at 01:02:03\nhello\n"), Shapes.clock("started at 01:02:03\nworld\n"));
    }

    @Test
    void bytesKeepTheirCount() {
        assertEquals(Shapes.bytesLength("x b'\\x00a\\'b'"), Shapes.bytesLength("x b\"\\x01c'd\""));
        assertNotEquals(Shapes.bytesLength("x b'\\x00ab'"), Shapes.bytesLength("x b'\\x00abc'"));
    }

    @Test
    void futuresThenValuesKeepsEveryValueAndTheFuturesFirst() {
        String py = "<Future at 0x7f01 state=running>\n<Future at 0x7f02 state=pending>\n1\n0\n";
        String java = "java.util.concurrent.FutureTask@1a2b[Not completed]\njava.util.concurrent.FutureTask@3c4d[Not completed]\n0\n1\n";
        assertEquals(Shapes.futuresThenValues(py), Shapes.futuresThenValues(java));
        assertNotEquals(Shapes.futuresThenValues(py), Shapes.futuresThenValues(java.replace("\n1\n", "\n2\n")));
        assertNotEquals(Shapes.futuresThenValues(py), Shapes.futuresThenValues("0\n" + java.replace("\n0\n", "\n")));
        // two Python threads printing at once
        assertEquals(Shapes.futuresThenValues(py), Shapes.futuresThenValues(py.replace("1\n0\n", "10\n\n")));
    }

    @Test
    void workerPoolKeepsTheLineCountAndTheSummary() {
        String a = "worker-0 has slept for 0.50 seconds\nworker-1 has slept for 0.20 seconds\n====\n3 workers slept in parallel for 0.50 seconds\n";
        String b = "worker-2 has slept for 0.90 seconds\nworker-0 has slept for 0.10 seconds\n====\n3 workers slept in parallel for 0.90 seconds\n";
        assertEquals(Shapes.workerPool(a), Shapes.workerPool(b));
        assertNotEquals(Shapes.workerPool(a), Shapes.workerPool("worker-0 has slept for 0.50 seconds\n====\n3 workers slept in parallel for 0.50 seconds\n"));
    }

    @Test
    void portAndSortedLines() {
        assertEquals(Shapes.port("GET http://127.0.0.1:1234/x"), Shapes.port("GET http://127.0.0.1:5678/x"));
        assertNotEquals(Shapes.port("GET http://127.0.0.1:1234/x"), Shapes.port("GET http://127.0.0.1:1234/y"));
        assertEquals(Shapes.sortedLines("a\nb\n"), Shapes.sortedLines("b\na\n"));
        assertNotEquals(Shapes.sortedLines("a\nb\n"), Shapes.sortedLines("a\na\n"));
        assertEquals(Shapes.redisHash("i\nr\no\ni\nr\no\n"), Shapes.redisHash("i\nr\no\ni\no\nr\n"));
        assertNotEquals(Shapes.redisHash("i\nr\no\ni\nr\no\n"), Shapes.redisHash("r\ni\no\ni\nr\no\n"));
    }
}
