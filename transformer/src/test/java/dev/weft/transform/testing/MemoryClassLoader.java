package dev.weft.transform.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Defines classes from bytes held in memory, as a child of the test class loader. Each test
 * gets a fresh one, so the same class names can be reused and every class is verified by the
 * JVM when it is linked (defining through a class loader never skips the verifier).
 */
public final class MemoryClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;

    /** A loader for {@code classes} (binary names with dots) whose parent is the test class loader. */
    public MemoryClassLoader(Map<String, byte[]> classes) {
        this(classes, MemoryClassLoader.class.getClassLoader());
    }

    public MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super(parent);
        this.classes = new TreeMap<>(classes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.endsWith(".class")) {
            byte[] bytes = classes.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            if (bytes != null) {
                return new ByteArrayInputStream(bytes);
            }
        }
        return super.getResourceAsStream(name);
    }

    /** The binary names this loader defines. */
    public java.util.Set<String> names() {
        return classes.keySet();
    }
}
