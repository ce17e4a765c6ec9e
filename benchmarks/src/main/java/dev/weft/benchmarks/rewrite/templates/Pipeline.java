package dev.weft.benchmarks.rewrite.templates;

import dev.weft.Async;
import dev.weft.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Generators: filters and maps chained with {@code yieldFrom}, sends, loops and try/catch. */
public class Pipeline {
    private final Map<String, Integer> weights;

    public Pipeline(Map<String, Integer> weights) {
        this.weights = weights;
    }

    @Async
    public static Generator<Integer, Void, Void> range(int from, int to, int step) {
        for (int i = from; i < to; i += step) {
            Generator.yield(i);
        }
        return Generator.done();
    }

    @Async
    public Generator<String, Void, Integer> weighted(List<String> words) {
        int total = 0;
        for (String w : words) {
            Integer weight = weights.get(w);
            if (weight == null) {
                continue;
            }
            total += weight;
            for (int i = 0; i < weight; i++) {
                Generator.yield(w + "#" + i);
            }
        }
        return Generator.returning(total);
    }

    @Async
    public Generator<String, Void, Integer> chained(List<List<String>> batches) {
        int sum = 0;
        for (List<String> batch : batches) {
            try {
                sum += Generator.yieldFrom(weighted(batch));
            } catch (IllegalStateException e) {
                Generator.yield("skipped: " + e.getMessage());
            }
        }
        Generator.yield("total " + sum);
        return Generator.returning(sum);
    }

    @Async
    public static Generator<Double, Double, List<Double>> averager(int window) {
        List<Double> seen = new ArrayList<>();
        double sum = 0;
        double average = 0;
        while (seen.size() < window) {
            Double next = Generator.yield(average);
            if (next == null) {
                break;
            }
            seen.add(next);
            sum += next;
            average = sum / seen.size();
        }
        return Generator.returning(seen);
    }

    @Async
    public static Generator<long[], Void, Void> pairs(long[] values, long limit) {
        long[] pair = new long[2];
        for (int i = 0; i < values.length; i++) {
            for (int j = i + 1; j < values.length; j++) {
                if (values[i] + values[j] > limit) {
                    break;
                }
                pair[0] = values[i];
                pair[1] = values[j];
                Generator.yield(pair.clone());
            }
        }
        return Generator.done();
    }

    public int size() {
        return weights.size();
    }
}
