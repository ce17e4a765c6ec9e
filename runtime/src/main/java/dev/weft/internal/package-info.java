/**
 * The runtime side of the rewrite, not for users: the state objects of rewritten methods
 * ({@link dev.weft.internal.Frame}, {@link dev.weft.internal.GeneratorFrame},
 * {@link dev.weft.internal.CoroutineFrame}, {@link dev.weft.internal.CompletableFrame}), the
 * {@link dev.weft.internal.Body} they resume, the annotations that mark rewritten code, and
 * {@link dev.weft.internal.Unchecked}.
 *
 * <p>Its place in the flow: the code the transformer emits refers to these names (the
 * transformer's {@code emit.RuntimeAbi} lists them), so renaming one is a change of ABI. It uses
 * the public {@code dev.weft} types it hands values to (futures, tasks, the event loop); the two
 * packages depend on each other today.
 */
package dev.weft.internal;
