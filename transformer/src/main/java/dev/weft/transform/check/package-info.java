/**
 * Second stage: the misuses that fail the build before anything is rewritten
 * ({@link dev.weft.transform.check.Misuse}): markers outside {@code @Async} methods, {@code @Async}
 * where no state machine can be made.
 *
 * <p>May depend on {@code find} and {@code report}; nothing later in the flow.
 */
package dev.weft.transform.check;
