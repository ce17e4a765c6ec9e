/**
 * The door for the command line: {@link dev.weft.transform.cli.Main}, the jar's {@code Main-Class},
 * rewrites folders and jars through {@code api}; {@code --print} shows what a method became.
 *
 * <p>May depend on {@code api} and what it exposes ({@code analyse}, {@code report}); nothing depends on it.
 */
package dev.weft.transform.cli;
