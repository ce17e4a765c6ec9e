package dev.weft.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.transform.api.Rewriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * The transformer's packages depend one way, in the order of the flow (docs/rewrite.md, "The map"):
 * find, check, prepare, analyse, emit, then the driver (rewrite), then the doors (api, then agent
 * and cli); the shared vocabulary (report) may be used by all and uses none. Read from the
 * constant pools of the compiled classes, so a reference in any signature, descriptor or
 * instruction counts.
 */
class PackageFlowTest {
    private static final String ROOT = "dev/weft/transform/";
    /** The place of each package in the flow: a package may use only packages of a lower place. */
    private static final Map<String, Integer> PLACE = Map.of(
            "find", 0, "check", 1, "prepare", 2, "analyse", 3, "emit", 4, "rewrite", 5, "api", 6, "agent", 7, "cli", 7);
    private static final String SHARED = "report";
    private static final Pattern TYPE = Pattern.compile("L" + ROOT + "([\\w$/]+)[;<]");
    private static final int CONSTANT_CLASS = 7;
    private static final int CONSTANT_STRING = 8;
    private static final int CONSTANT_UTF8 = 1;

    @Test
    void packagesDependOnlyOnEarlierStagesAndTheSharedVocabulary() throws Exception {
        Map<String, Set<String>> uses = packageUses();
        Set<String> expected = new TreeSet<>(PLACE.keySet());
        expected.add(SHARED);
        assertThat(uses.keySet()).as("the transformer's packages (a new one needs a place in the flow)").isEqualTo(expected);
        assertThat(uses.get("rewrite")).as("the driver uses every stage").contains("find", "check", "prepare", "analyse", "emit");

        List<String> backwards = new ArrayList<>();
        uses.forEach((from, targets) -> {
            for (String to : targets) {
                if (!allowed(from, to)) {
                    backwards.add(from + " -> " + to);
                }
            }
        });
        assertThat(backwards).as("arrows against the flow").isEmpty();
    }

    private static boolean allowed(String from, String to) {
        if (to.equals(SHARED)) {
            return true;
        }
        if (from.equals(SHARED)) {
            return false;
        }
        return PLACE.get(to) < PLACE.get(from);
    }

    /** For each package below dev.weft.transform, the other such packages its classes refer to. */
    private static Map<String, Set<String>> packageUses() throws Exception {
        Path classes = Paths.get(Rewriter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(classes)) {
            return packageUses(classes.resolve(ROOT));
        }
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + classes.toUri()), Map.of())) {
            return packageUses(jar.getPath("/" + ROOT));
        }
    }

    private static Map<String, Set<String>> packageUses(Path root) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
                String from = packageOf(root.relativize(file).toString().replace('\\', '/'));
                Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
                for (String name : referencedNames(Files.readAllBytes(file))) {
                    if (name.startsWith(ROOT)) {
                        String to = packageOf(name.substring(ROOT.length()));
                        if (!to.equals(from)) {
                            targets.add(to);
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** {@code emit} of {@code emit/StateMachine.class}; nested packages count as their top package. */
    private static String packageOf(String pathBelowRoot) {
        int slash = pathBelowRoot.indexOf('/');
        return slash < 0 ? "" : pathBelowRoot.substring(0, slash);
    }

    /**
     * Every internal class name in the constant pool: the class entries, and the types inside
     * descriptors and signatures (string literals left out).
     */
    private static Set<String> referencedNames(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Set<Integer> literals = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && classFile[offset - 1] == CONSTANT_STRING) {
                literals.add(reader.readUnsignedShort(offset));
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            int tag = classFile[offset - 1];
            if (tag == CONSTANT_CLASS) {
                String name = utf8(reader, classFile, reader.readUnsignedShort(offset));
                names.add(name);
                typesIn(name, names); // an array class: [Ldev/...;
            } else if (tag == CONSTANT_UTF8 && !literals.contains(i)) {
                typesIn(utf8(reader, classFile, i), names);
            }
        }
        return names;
    }

    private static void typesIn(String descriptor, Set<String> names) {
        Matcher m = TYPE.matcher(descriptor);
        while (m.find()) {
            names.add(ROOT + m.group(1));
        }
    }

    private static String utf8(ClassReader reader, byte[] classFile, int index) {
        int offset = reader.getItem(index);
        return new String(classFile, offset + 2, reader.readUnsignedShort(offset), StandardCharsets.UTF_8);
    }
}
