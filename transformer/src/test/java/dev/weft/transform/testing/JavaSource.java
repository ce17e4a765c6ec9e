package dev.weft.transform.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One compilation unit to compile in memory: its main type's binary name and its text. */
public final class JavaSource {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "public\\s+(?:(?:abstract|final|sealed|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)");
    private static final Pattern ANY_TYPE = Pattern.compile(
            "(?:^|\\s)(?:class|interface|enum|record)\\s+(\\w+)");

    private final String typeName;
    private final String code;

    private JavaSource(String typeName, String code) {
        this.typeName = typeName;
        this.code = code;
    }

    /** A unit whose main type is {@code typeName} (binary name with dots, e.g. {@code "p.Foo"}). */
    public static JavaSource of(String typeName, String code) {
        return new JavaSource(typeName, code);
    }

    /** A unit named after its package and its public type (or its first type when none is public). */
    public static JavaSource of(String code) {
        Matcher pkg = PACKAGE.matcher(code);
        String prefix = pkg.find() ? pkg.group(1) + "." : "";
        Matcher type = PUBLIC_TYPE.matcher(code);
        if (!type.find()) {
            type = ANY_TYPE.matcher(code);
            if (!type.find()) {
                throw new IllegalArgumentException("no type declared in:\n" + code);
            }
        }
        return new JavaSource(prefix + type.group(1), code);
    }

    /** The binary name of the unit's main type. */
    public String typeName() {
        return typeName;
    }

    /** The path javac expects for this unit, e.g. {@code p/Foo.java}. */
    public String path() {
        return typeName.replace('.', '/') + ".java";
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return path();
    }
}
