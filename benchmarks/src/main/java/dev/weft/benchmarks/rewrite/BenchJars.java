package dev.weft.benchmarks.rewrite;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the jars the rewrite and start-up benchmarks work on:
 * {@code benchmarks/target/bench-jars}, beside {@code benchmarks.jar} (the
 * maven-dependency-plugin copies them there, without versions, at {@code package}). The system
 * property {@code weft.bench.jars} names another directory.
 */
public final class BenchJars {
    private BenchJars() {
    }

    /** Groovy 4.0.31: a real jar of 4,570 classes with no {@code @Async} method. */
    public static Path groovy() {
        return jar("groovy.jar");
    }

    /** The Eclipse compiler (ECJ): the real application started with and without the agent. */
    public static Path ecj() {
        return jar("ecj.jar");
    }

    /** The transformer's shaded jar, which is the agent. */
    public static Path agent() {
        return jar("weft-transformer.jar");
    }

    /** The jar (or directory) this class was loaded from: it holds the Weft runtime too. */
    public static Path benchmarksJar() {
        try {
            return Path.of(BenchJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path jar(String name) {
        String dir = System.getProperty("weft.bench.jars");
        Path base = dir != null ? Path.of(dir) : benchmarksJar().getParent().resolve("bench-jars");
        Path jar = base.resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with `mvn -pl benchmarks -am package`,"
                    + " which copies it there (or set -Dweft.bench.jars=DIR)");
        }
        return jar;
    }
}
