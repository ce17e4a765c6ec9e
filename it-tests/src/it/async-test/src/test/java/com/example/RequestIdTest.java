package com.example;

import static dev.weft.Weft.await;
import static dev.weft.Weft.createTask;
import static dev.weft.Weft.sleep;
import static dev.weft.Weft.toThread;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Async;
import dev.weft.ContextVar;
import dev.weft.Coroutine;
import dev.weft.Task;
import dev.weft.junit.AsyncTest;

/** A request id set in the test reaches its child tasks and the thread of toThread, and nothing else. */
class RequestIdTest {
    static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id", "-");

    @Async
    static Coroutine<String> handler() {
        await(sleep(1));
        return Coroutine.returning(REQUEST_ID.get());
    }

    @AsyncTest(virtualTime = true)
    void requestIdReachesChildTasksAndThreads() {
        Task<String> before = createTask(handler());
        REQUEST_ID.set("req-1");
        Task<String> child = createTask(handler());
        String inThread = await(toThread(REQUEST_ID::get));
        assertEquals("req-1", await(child));
        assertEquals("req-1", inThread);
        assertEquals("-", await(before), "a task made before the set keeps the context it was made in");
    }
}
