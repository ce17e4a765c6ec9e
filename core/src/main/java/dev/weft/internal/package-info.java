/**
 * The runtime side of the rewrite, not for users: the state objects of rewritten methods
 * ({@link dev.weft.internal.Frame}, {@link dev.weft.internal.GeneratorFrame},
 * {@link dev.weft.internal.CoroutineFrame}, {@link dev.weft.internal.CompletableFrame}), the
 * {@link dev.weft.internal.Body} they resume, the annotations that mark rewritten code, and
 * {@link dev.weft.internal.Unchecked}.
 *
 * <p>Its place in the flow: the code the transformer emits refers to these names (the
 * transformer's {@code emit.RuntimeAbi} lists them), so renaming one is a change of ABI. It lives
 * in {@code weft-core}, built before the transformer, and depends on nothing public except the
 * types it implements or raises ({@code Generator}, {@code Coroutine}, {@code Awaitable},
 * {@code GeneratorExit}, {@code NotRewrittenError}); the asyncio layer reaches it through
 * {@link dev.weft.internal.LoopFuture} (what the await fast path reads of a future) and
 * {@link dev.weft.internal.TaskStarter} (how a task is made on the running loop).
 */
package dev.weft.internal;
