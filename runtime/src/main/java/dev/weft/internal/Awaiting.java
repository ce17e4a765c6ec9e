package dev.weft.internal;

/** How {@code await} looks at what it is given. */
final class Awaiting {
    private Awaiting() {
    }

    /** The result of {@code awaited} if it is done now (raising its exception), else {@link CoroutineFrame#PENDING}. */
    static Object tryNow(Object awaited) {
        if (awaited == null) {
            throw new NullPointerException("await(null): nothing to await; pass a coroutine, task, future or CompletionStage");
        }
        return CoroutineFrame.PENDING;
    }
}
