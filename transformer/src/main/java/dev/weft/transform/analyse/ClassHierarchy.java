package dev.weft.transform.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.objectweb.asm.ClassReader;

/**
 * Super classes and interface flags of the classes a rewritten method mentions, read from class
 * files and never by loading a class: the verifier's frames need common super classes, and an
 * agent must not load classes while one is being defined.
 */
public final class ClassHierarchy implements dev.weft.transform.find.ReturnClasses {
    /** What is known of one class: its super class (internal name, null for Object) and whether it is an interface. */
    public static final class Entry {
        final String superName;
        final boolean isInterface;
        /** Final, as its class file says ({@code false} when not read from one). */
        final boolean isFinal;
        /** The interfaces it names directly (empty when not read from a class file). */
        final String[] interfaces;

        Entry(String superName, boolean isInterface) {
            this(superName, isInterface, false, new String[0]);
        }

        Entry(String superName, boolean isInterface, boolean isFinal, String[] interfaces) {
            this.superName = superName;
            this.isInterface = isInterface;
            this.isFinal = isFinal;
            this.interfaces = interfaces;
        }
    }

    private static final Entry MISSING = new Entry(null, false);

    private final Function<String, byte[]> classFiles;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** A hierarchy over {@code classFiles}, which maps an internal name to its class file or {@code null}. */
    public ClassHierarchy(Function<String, byte[]> classFiles) {
        this.classFiles = classFiles;
    }

    /** Reads class files as resources of {@code loader} (the JDK's through the platform loader when null). */
    public static ClassHierarchy of(ClassLoader loader) {
        ClassLoader from = loader != null ? loader : ClassLoader.getPlatformClassLoader();
        return new ClassHierarchy(name -> {
            try (InputStream in = from.getResourceAsStream(name + ".class")) {
                return in == null ? jdkClassFile(name) : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        });
    }

    /**
     * Reads class files from {@code classpath} (directories and jars, searched in order) and then
     * from the JDK. Jars are opened once and kept open for the life of the JVM's reader.
     */
    public static ClassHierarchy of(List<Path> classpath) {
        List<Function<String, byte[]>> roots = new ArrayList<>();
        for (Path root : classpath) {
            if (Files.isDirectory(root)) {
                roots.add(name -> readIfExists(root.resolve(name + ".class")));
            } else if (Files.isRegularFile(root)) {
                JarFile jar = openJar(root);
                roots.add(name -> readEntry(jar, name + ".class"));
            }
        }
        return new ClassHierarchy(name -> {
            for (Function<String, byte[]> root : roots) {
                byte[] bytes = root.apply(name);
                if (bytes != null) {
                    return bytes;
                }
            }
            return jdkClassFile(name);
        });
    }

    /** Remembers a class that is being rewritten, so that its own hierarchy is known without a class file. */
    public void define(String internalName, String superName, boolean isInterface) {
        entries.put(internalName, new Entry(superName, isInterface));
    }

    /** The super class of {@code internalName}, or empty for Object, interfaces' Object, and unknown classes. */
    public Optional<String> superClass(String internalName) {
        return Optional.ofNullable(entry(internalName).superName);
    }

    /** Whether {@code internalName} is an interface ({@code false} if unknown). */
    public boolean isInterface(String internalName) {
        return entry(internalName).isInterface;
    }

    /** Whether {@code internalName} is a final class, as its class file says ({@code false} if unknown). */
    public boolean isFinal(String internalName) {
        return entry(internalName).isFinal;
    }

    /** Whether class {@code internalName} or a super class of it names {@code iface}, or an interface extending it. */
    public boolean implementsInterface(String internalName, String iface) {
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(superChain(internalName));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (c.equals(iface)) {
                return true;
            }
            if (seen.add(c)) {
                java.util.Collections.addAll(todo, entry(c).interfaces);
            }
        }
        return false;
    }

    /** Whether a class file for {@code internalName} can be found. */
    public boolean knows(String internalName) {
        return entry(internalName) != MISSING;
    }

    /** {@code internalName} and its super classes, from itself up to {@code java/lang/Object}. */
    public List<String> superChain(String internalName) {
        List<String> chain = new ArrayList<>();
        for (String c = internalName; c != null; c = entry(c).superName) {
            chain.add(c);
            if (chain.size() > 1000) {
                break; // a cycle in broken input: stop rather than loop
            }
        }
        if (!chain.get(chain.size() - 1).equals("java/lang/Object")) {
            chain.add("java/lang/Object");
        }
        return chain;
    }

    /** The nearest common super class of two classes: what the verifier merges them to. */
    public String commonSuperClass(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if (isInterface(a) || isInterface(b)) {
            return "java/lang/Object";
        }
        List<String> chainA = superChain(a);
        for (String c : superChain(b)) {
            if (chainA.contains(c)) {
                return c;
            }
        }
        return "java/lang/Object";
    }

    /** Whether a value of class {@code sub} may be stored where {@code sup} is expected (interfaces as Object, as the verifier does). */
    public boolean isAssignable(String sup, String sub) {
        if (sup.equals(sub) || sup.equals("java/lang/Object") || isInterface(sup)) {
            return true;
        }
        return superChain(sub).contains(sup);
    }

    @Override
    public boolean extendsCompletableFuture(String internalName) {
        return !internalName.equals(COMPLETABLE_FUTURE) && superChain(internalName).contains(COMPLETABLE_FUTURE);
    }

    @Override
    public int classAccess(String internalName) {
        byte[] bytes = classFiles.apply(internalName);
        return bytes == null ? -1 : new ClassReader(bytes).getAccess();
    }

    @Override
    public int noArgConstructorAccess(String internalName) {
        byte[] bytes = classFiles.apply(internalName);
        if (bytes == null) {
            return -1;
        }
        int[] access = {-1};
        new ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int acc, String name, String descriptor, String signature,
                                                               String[] exceptions) {
                if (name.equals("<init>") && descriptor.equals("()V")) {
                    access[0] = acc;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return access[0];
    }

    private Entry entry(String internalName) {
        if (internalName.equals("java/lang/Object")) {
            return new Entry(null, false);
        }
        return entries.computeIfAbsent(internalName, this::read);
    }

    private Entry read(String internalName) {
        byte[] bytes = classFiles.apply(internalName);
        if (bytes == null) {
            return MISSING;
        }
        ClassReader reader = new ClassReader(bytes);
        boolean isInterface = (reader.getAccess() & org.objectweb.asm.Opcodes.ACC_INTERFACE) != 0;
        boolean isFinal = (reader.getAccess() & org.objectweb.asm.Opcodes.ACC_FINAL) != 0;
        return new Entry(reader.getSuperName(), isInterface, isFinal, reader.getInterfaces());
    }

    private static byte[] jdkClassFile(String internalName) {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readIfExists(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JarFile openJar(Path path) {
        try {
            return new JarFile(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static byte[] readEntry(JarFile jar, String name) {
        try {
            ZipEntry entry = jar.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
