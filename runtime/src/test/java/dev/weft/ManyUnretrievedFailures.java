package dev.weft;

import static dev.weft.Coros.returning;

import java.util.BitSet;

/**
 * Run in a child JVM with a small heap by {@link UnretrievedFailuresTest}: fails {@code args[0]}
 * tasks that nobody holds nor retrieves, a thousand per iteration, then closes the loop. Prints
 * "failed N reported R distinct D twice T before-close B".
 */
final class ManyUnretrievedFailures {
    private ManyUnretrievedFailures() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        EventLoop loop = EventLoop.create();
        BitSet seen = new BitSet(n);
        int[] counts = new int[2]; // reports, reported twice
        loop.setExceptionHandler((l, ctx) -> {
            int i = Integer.parseInt(((Throwable) ctx.get("exception")).getMessage());
            if (seen.get(i)) {
                counts[1]++;
            }
            seen.set(i);
            counts[0]++;
        });
        for (int i = 0; i < n; i += 1000) {
            for (int j = i; j < Math.min(n, i + 1000); j++) {
                loop.createTask(Coros.raising(new IllegalStateException(Integer.toString(j))));
            }
            loop.runUntilComplete(returning(null));
        }
        int beforeClose = counts[0];
        loop.close();
        System.out.println("failed " + n + " reported " + counts[0] + " distinct " + seen.cardinality()
                + " twice " + counts[1] + " before-close " + beforeClose);
    }
}
