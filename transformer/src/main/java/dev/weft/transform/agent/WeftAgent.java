package dev.weft.transform.agent;

import java.lang.instrument.Instrumentation;

/**
 * The Java agent: {@code java -javaagent:weft-transformer.jar[=verbose] -cp ... Main} rewrites
 * the {@code @Async} methods of every class as it loads (see {@link WeftTransformer}).
 *
 * <p>The only option, {@code verbose}, prints each rewritten method on the error stream. Attached
 * to a running JVM ({@code agentmain}), the agent rewrites the classes loaded from then on; the
 * classes loaded before stay as they were.
 */
public final class WeftAgent {
    private WeftAgent() {
    }

    /** Installs the transformer before {@code main}. */
    public static void premain(String args, Instrumentation inst) {
        install(args, inst);
    }

    /** Installs the transformer in a running JVM. */
    public static void agentmain(String args, Instrumentation inst) {
        install(args, inst);
    }

    private static void install(String args, Instrumentation inst) {
        inst.addTransformer(new WeftTransformer(verbose(args), System.err), false);
    }

    /**
     * Parses the agent's options.
     *
     * @throws IllegalArgumentException for an unknown option, so that the JVM stops rather than
     *     run without what was asked for
     */
    static boolean verbose(String args) {
        if (args == null || args.isBlank()) {
            return false;
        }
        if (args.trim().equals("verbose")) {
            return true;
        }
        throw new IllegalArgumentException("weft: unknown agent option '" + args
                + "': the only option is verbose, as in -javaagent:weft-transformer.jar=verbose");
    }
}
