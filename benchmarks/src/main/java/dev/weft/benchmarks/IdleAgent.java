package dev.weft.benchmarks;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The control for {@link StartupBenchmark}: an agent whose transformer returns {@code null} for
 * every class at once. Launched with it, a JVM pays what any agent costs it (the
 * {@code java.instrument} module, which turns off the CDS archive's module graph; the reflective
 * call of {@code premain}; each class's bytes offered to a transformer) and nothing of Weft's, so
 * Weft's agent minus this one is what Weft's own code adds.
 */
public final class IdleAgent implements ClassFileTransformer {
    private IdleAgent() {
    }

    /**
     * Installs the transformer that leaves every class as it is.
     *
     * @param args ignored
     * @param inst where to install it
     */
    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(new IdleAgent(), false);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        return null;
    }
}
