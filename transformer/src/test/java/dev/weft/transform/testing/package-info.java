/**
 * The test harness for the rewrite: compile Java source strings in memory, rewrite, check, load.
 *
 * <ul>
 *   <li>{@link dev.weft.transform.testing.Harness#build(int, String...)}: the whole path in one
 *       call. Compiles with {@code --release N -g} against the test class path, rewrites every
 *       class, fails if a class with an {@code @Async} method comes back unchanged, checks each
 *       rewritten class with ASM's {@code CheckClassAdapter} (structure, then data flow), defines
 *       everything in a fresh {@link dev.weft.transform.testing.MemoryClassLoader} and initializes
 *       each class, so the JVM verifier runs. Returns a {@link dev.weft.transform.testing.Woven}:
 *       {@code call(className, method, args...)} invokes a static method, exceptions unwrapped.</li>
 *   <li>{@link dev.weft.transform.testing.InMemoryJavac}: javac alone, and
 *       {@code supportedReleases(8, 11, 17, 21, 25)} for what this JDK can target.</li>
 *   <li>{@link dev.weft.transform.testing.Weaver}: the rewrite alone ({@code rewriter},
 *       {@code rewriteAll}), {@code check} (CheckClassAdapter), {@code listing} (Textifier).</li>
 * </ul>
 */
package dev.weft.transform.testing;
