/**
 * Third stage: the passes that reshape one {@code @Async} method before its analysis, so the analysis
 * sees code it can save and restore: {@link dev.weft.transform.prepare.NewHoisting} moves
 * {@code new} past markers, {@link dev.weft.transform.prepare.ReturnMarkers} turns return markers
 * into plain returns. Before them all, {@link dev.weft.transform.prepare.AsyncTestBodies} moves the body of each
 * {@code @AsyncTest} method into a coroutine method of its own.
 *
 * <p>May depend on {@code find} and {@code report}; nothing later in the flow.
 */
package dev.weft.transform.prepare;
