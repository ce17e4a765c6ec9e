package dev.weft.transform.api;

import dev.weft.transform.report.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folders the sources were compiled from ({@code src/main/java}): a problem found in a class
 * is printed with the path of its source file as the compiler printed it (absolute), so that an
 * IDE or a terminal opens it, and a refusal of a method's declaration is moved from the body's
 * first line, all the class file knows, up to the line that declares the method.
 */
final class SourceRoots {
    /** How far above the body's first line a declaration is looked for (annotations, parameters on many lines). */
    private static final int SEARCH_LINES = 60;
    private static final Set<String> NOT_TYPES = Set.of("return", "new", "throw", "else", "case", "yield", "await");

    private final List<Path> roots;

    SourceRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** {@code p} located in its source file when one of the roots holds it; else {@code p} as it is. */
    Problem locate(Problem p) {
        String relative = p.sourcePathInRoot();
        if (relative == null) {
            return p;
        }
        for (Path root : roots) {
            Path source = root.resolve(relative);
            if (Files.isRegularFile(source)) {
                int line = p.lineIsInBody() ? declarationLine(source, methodName(p.method()), p.line()) : p.line();
                return p.inSource(source.toAbsolutePath().normalize().toString(), line);
            }
        }
        return p;
    }

    private static String methodName(String display) {
        return display == null ? null : display.substring(0, display.indexOf('('));
    }

    /**
     * The line at or above {@code bodyLine} where a type is followed by {@code name(}: the
     * declaration ({@code Coroutine<String> name(}, {@code synchronized Generator<..> name(}),
     * not a call ({@code x.name(}, {@code return name(}); {@code bodyLine} when none is found.
     */
    static int declarationLine(Path source, String name, int bodyLine) {
        if (name == null || bodyLine <= 0 || name.startsWith("lambda$")) {
            return bodyLine;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return bodyLine; // not UTF-8, or unreadable: the body's line still points into the method
        }
        Pattern declared = Pattern.compile("([\\w$]+|[>\\]])\\s*" + Pattern.quote(name) + "\\s*\\(");
        for (int l = Math.min(bodyLine, lines.size()); l >= 1 && l > bodyLine - SEARCH_LINES; l--) {
            Matcher m = declared.matcher(lines.get(l - 1));
            while (m.find()) {
                String before = m.group(1);
                boolean separated = Character.isWhitespace(lines.get(l - 1).charAt(m.end(1)));
                if (before.equals(">") || before.equals("]") || separated && !NOT_TYPES.contains(before)) {
                    return l;
                }
            }
        }
        return bodyLine;
    }
}
