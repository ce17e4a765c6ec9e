package dev.weft.transform.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Reflective calls for tests, with the callee's exception thrown as it was (not wrapped). */
public final class Invoke {
    private Invoke() {
    }

    /**
     * Calls the static method {@code name} of {@code type} that takes {@code args.length}
     * parameters (the one whose parameter types accept the arguments, when overloaded).
     * An exception the method throws comes out unchanged.
     */
    public static Object callStatic(Class<?> type, String name, Object... args) {
        return call(type, null, name, args);
    }

    /** Calls the instance method {@code name} on {@code target}; see {@link #callStatic}. */
    public static Object callOn(Object target, String name, Object... args) {
        return call(target.getClass(), target, name, args);
    }

    private static Object call(Class<?> type, Object target, String name, Object[] args) {
        Method method = find(type, name, args, target == null);
        method.setAccessible(true);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw Invoke.<RuntimeException>sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Method find(Class<?> type, String name, Object[] args, boolean wantStatic) {
        List<Method> candidates = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == args.length
                        && Modifier.isStatic(m.getModifiers()) == wantStatic && accepts(m.getParameterTypes(), args)) {
                    candidates.add(m);
                }
            }
        }
        if (candidates.isEmpty() && !wantStatic) {
            for (Class<?> i : type.getInterfaces()) {
                for (Method m : i.getMethods()) {
                    if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m.getParameterTypes(), args)) {
                        candidates.add(m);
                    }
                }
            }
        }
        if (candidates.size() != 1) {
            throw new AssertionError((candidates.isEmpty() ? "no " : "ambiguous ") + (wantStatic ? "static " : "")
                    + "method " + type.getName() + "." + name + " for " + args.length + " arguments: " + candidates);
        }
        return candidates.get(0);
    }

    private static boolean accepts(Class<?>[] params, Object[] args) {
        for (int i = 0; i < params.length; i++) {
            Class<?> p = params[i].isPrimitive() ? box(params[i]) : params[i];
            if (args[i] != null ? !p.isInstance(args[i]) : params[i].isPrimitive()) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> primitive) {
        if (primitive == int.class) return Integer.class;
        if (primitive == long.class) return Long.class;
        if (primitive == double.class) return Double.class;
        if (primitive == float.class) return Float.class;
        if (primitive == boolean.class) return Boolean.class;
        if (primitive == char.class) return Character.class;
        if (primitive == byte.class) return Byte.class;
        if (primitive == short.class) return Short.class;
        return Void.class;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
