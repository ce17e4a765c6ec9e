/**
 * Fifth stage: the new code of one analysed method: the state machine's body
 * ({@link dev.weft.transform.emit.StateMachine}), the factory method that makes its state object
 * ({@link dev.weft.transform.emit.FactoryMethod}), and the body's stack map frames
 * ({@link dev.weft.transform.emit.StackMapComputation}). {@link dev.weft.transform.emit.RuntimeAbi}
 * holds every runtime name the emitted code refers to.
 *
 * <p>May depend on {@code find}, {@code analyse} and {@code report}; never on {@code rewrite} or the doors.
 */
package dev.weft.transform.emit;
