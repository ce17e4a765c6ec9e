/**
 * The door for rewriting at class-load time: the Java agent ({@code -javaagent:weft-transformer-VERSION.jar},
 * {@link dev.weft.transform.agent.WeftAgent}, the jar's {@code Premain-Class}) and its
 * {@link dev.weft.transform.agent.WeftTransformer}.
 *
 * <p>May depend on {@code api} and what it exposes ({@code analyse}, {@code report}) and on
 * {@code find} (its cheap first test); nothing depends on it.
 */
package dev.weft.transform.agent;
