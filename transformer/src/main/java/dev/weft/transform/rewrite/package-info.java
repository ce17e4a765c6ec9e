/**
 * The driver of the whole rewrite, after the stages and before the doors:
 * {@link dev.weft.transform.rewrite.ClassRewrite} runs find and check on a class, then
 * {@code MethodRewrite} runs prepare, analyse and emit on each {@code @Async} method, and gathers
 * every refusal.
 *
 * <p>May depend on every stage and on {@code report}; never on the doors ({@code api}, {@code agent}, {@code cli}).
 */
package dev.weft.transform.rewrite;
