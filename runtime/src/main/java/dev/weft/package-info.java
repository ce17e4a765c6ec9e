/**
 * Weft's public API: Python's generators and asyncio for Java. {@code @Async} methods and their
 * markers ({@link dev.weft.Weft#await}, {@link dev.weft.Generator#yield}), and what runs them: the
 * {@link dev.weft.EventLoop}, tasks, futures, locks, queues, timeouts.
 *
 * <p>Its place in the flow: the transformer rewrites user code into calls to
 * {@code dev.weft.internal}, which runs it on top of this package. This package uses
 * {@code dev.weft.internal} for the state objects of rewritten methods and for raising checked
 * exceptions unchecked; it never depends on the transformer. Its types come from two modules built
 * on either side of the transformer, one jar for users: {@code weft-core} (the types the rewrite
 * needs: {@code Async}, {@code Generator}, {@code Coroutine}, {@code Awaitable}) and
 * {@code weft-runtime} (the asyncio layer, itself written with {@code @Async} and rewritten at build time).
 */
package dev.weft;
