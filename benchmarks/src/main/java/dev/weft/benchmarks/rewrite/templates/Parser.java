package dev.weft.benchmarks.rewrite.templates;

import dev.weft.Async;
import dev.weft.Generator;

/** A tokenizer and a parser as generators: a switch inside a loop, nested generators, exceptions. */
public class Parser {
    private final String text;

    public Parser(String text) {
        this.text = text;
    }

    @Async
    public Generator<String, Void, Integer> tokens() {
        int count = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            switch (c) {
                case ' ':
                case '\t':
                case '\n':
                    i++;
                    continue;
                case '(':
                case ')':
                case ',':
                    Generator.yield(String.valueOf(c));
                    i++;
                    break;
                default:
                    int start = i;
                    while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                    }
                    if (start == i) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
                    }
                    Generator.yield(text.substring(start, i));
            }
            count++;
        }
        return Generator.returning(count);
    }

    @Async
    public Generator<Object, Void, Integer> numbers() {
        int bad = 0;
        Generator<String, Void, Integer> tokens = tokens();
        for (String token : tokens) {
            try {
                Generator.yield(Long.parseLong(token));
            } catch (NumberFormatException e) {
                bad++;
                Generator.yield(token);
            }
        }
        return Generator.returning(bad);
    }

    @Async
    public static Generator<Integer, Integer, String> accumulate(int start, byte scale, float bias, char mark) {
        int total = start;
        long calls = 0;
        while (true) {
            Integer delta = Generator.yield(total);
            calls++;
            if (delta == null) {
                return Generator.returning(mark + ":" + calls + ":" + total);
            }
            total += (int) (delta * scale + bias);
        }
    }
}
