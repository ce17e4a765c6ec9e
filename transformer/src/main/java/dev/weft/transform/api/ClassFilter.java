package dev.weft.transform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ant-style includes and excludes on class file paths such as {@code com/example/Foo.class}:
 * {@code **} matches any number of folders, {@code *} any part of one name, {@code ?} one
 * character, and a pattern ending in {@code /} means everything under that folder.
 * No includes means every class; an exclude wins over an include.
 */
final class ClassFilter {
    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    ClassFilter(List<String> includes, List<String> excludes) {
        this.includes = compile(includes);
        this.excludes = compile(excludes);
    }

    /** Whether the class file at {@code path} (relative, with {@code /}) is to be rewritten. */
    boolean accepts(String path) {
        return (includes.isEmpty() || matchesAny(includes, path)) && !matchesAny(excludes, path);
    }

    private static boolean matchesAny(List<Pattern> patterns, String path) {
        for (Pattern p : patterns) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> globs) {
        List<Pattern> patterns = new ArrayList<>();
        for (String glob : globs) {
            String g = glob.trim().replace('\\', '/');
            if (g.isEmpty()) {
                throw new IllegalArgumentException("empty include or exclude pattern");
            }
            patterns.add(Pattern.compile(toRegex(g)));
        }
        return patterns;
    }

    /** The regular expression of one Ant glob. */
    static String toRegex(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        if (g.endsWith("/")) {
            g = g + "**";
        }
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (g.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (g.startsWith("/**", i) && i + 3 == g.length()) {
                re.append("(?:/.*)?");
                i += 3;
            } else if (g.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }
}
