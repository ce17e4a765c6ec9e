package dev.weft;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Unix domain stream sockets, where the JDK has them (16+: {@code java.net.UnixDomainSocketAddress}
 * and {@code StandardProtocolFamily.UNIX}). The runtime is compiled for Java 11, so they are
 * reached by reflection, looked up once: a multi-release jar would need a second source tree and
 * build step for four calls, and reflection costs nothing on the paths that move bytes. On 11-15
 * every use throws {@link UnsupportedOperationException} saying so.
 */
final class UnixSockets {
    /** The JDK's own, found or not. */
    static final UnixSockets JDK = lookUp("java.net.UnixDomainSocketAddress");

    private final Method of;
    private final Method getPath;
    private final ProtocolFamily unix;
    private final Class<?> addressClass;
    private final UnsupportedOperationException missing;

    private UnixSockets(Class<?> addressClass, Method of, Method getPath, ProtocolFamily unix,
            UnsupportedOperationException missing) {
        this.addressClass = addressClass;
        this.of = of;
        this.getPath = getPath;
        this.unix = unix;
        this.missing = missing;
    }

    /** The Unix sockets of the class named {@code addressClass}, or, if it is not there, none (what JDK 11-15 have). */
    static UnixSockets lookUp(String addressClass) {
        try {
            Class<?> c = Class.forName(addressClass);
            Method of = c.getMethod("of", String.class);
            Method getPath = c.getMethod("getPath");
            ProtocolFamily unix = java.net.StandardProtocolFamily.valueOf("UNIX");
            return new UnixSockets(c, of, getPath, unix, null);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            UnsupportedOperationException missing = new UnsupportedOperationException(
                    "Unix domain sockets need Java 16 or later; this is Java " + System.getProperty("java.version"));
            return new UnixSockets(null, null, null, null, missing);
        }
    }

    /** Whether Unix domain sockets are there: true on Java 16 and later. */
    boolean supported() {
        return missing == null;
    }

    /** Throws the clear error if they are not. */
    void check(String caller) {
        if (missing != null) {
            throw new UnsupportedOperationException(caller + ": " + missing.getMessage());
        }
    }

    /** {@code UnixDomainSocketAddress.of(path)}. */
    SocketAddress address(String path) {
        check("Unix socket address");
        return (SocketAddress) call(of, null, path);
    }

    /** Whether {@code address} is a Unix domain socket's. */
    boolean isUnix(SocketAddress address) {
        return addressClass != null && addressClass.isInstance(address);
    }

    /** The path of a Unix domain socket's address, as Python's {@code getsockname()} gives it ("" when unbound). */
    String path(SocketAddress address) {
        return String.valueOf(call(getPath, address));
    }

    /** {@code SocketChannel.open(StandardProtocolFamily.UNIX)} (a Java 15 method, hence reflection too). */
    SocketChannel openChannel() throws IOException {
        check("Unix socket");
        return (SocketChannel) open(SocketChannel.class);
    }

    /** {@code ServerSocketChannel.open(StandardProtocolFamily.UNIX)}. */
    ServerSocketChannel openServerChannel() throws IOException {
        check("Unix socket");
        return (ServerSocketChannel) open(ServerSocketChannel.class);
    }

    private Object open(Class<?> channelClass) throws IOException {
        try {
            return channelClass.getMethod("open", ProtocolFamily.class).invoke(null, unix);
        } catch (InvocationTargetException e) {
            throw rethrown(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IOException rethrown(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException) {
            return (IOException) cause;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        throw new IllegalStateException(cause);
    }

    /** A channel's address as Python's {@code getsockname()}/{@code getpeername()} give it: a path, or the address tuple. */
    static Object pythonName(SocketAddress address) {
        return JDK.isUnix(address) ? JDK.path(address) : AddressTuple.of(address);
    }

    // ---- the socket file: asyncio's stale-socket removal and 3.13's cleanup_socket ----

    /** Removes {@code path} if it is a socket left behind (asyncio's create_unix_server); other files stay, and bind fails. */
    static void removeStale(String path) {
        if (path.isEmpty() || path.charAt(0) == '\0') {
            return; // abstract: no file
        }
        Path p = Paths.get(path);
        try {
            if (isSocket(p)) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | SecurityException e) {
            // bind says what is wrong, if anything is
        }
    }

    /** The identity of the file at {@code path} (device and inode on Unix), or null if it is not there. */
    static Object fileKey(String path) {
        if (path.isEmpty() || path.charAt(0) == '\0') {
            return null;
        }
        try {
            return Files.readAttributes(Paths.get(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Removes the socket file at {@code path} if it is still the one bound ({@code key}), as 3.13's server close does. */
    static void cleanUp(String path, Object key) {
        if (key != null && key.equals(fileKey(path))) {
            try {
                Files.deleteIfExists(Paths.get(path));
            } catch (IOException | SecurityException e) {
                // someone else's now, or gone
            }
        }
    }

    private static boolean isSocket(Path p) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & 0170000) == 0140000; // S_ISSOCK
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }
}
