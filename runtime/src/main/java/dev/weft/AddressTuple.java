package dev.weft;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A socket address that prints as Python's address tuple: {@code ('127.0.0.1', 8888)}, or
 * {@code ('::1', 8888, 0, 0)} for IPv6. What a stream transport's {@code getExtraInfo("peername")}
 * and {@code "sockname"} give, so that {@code println("from " + addr)} prints what Python's
 * {@code print(f"from {addr!r}")} prints; otherwise an ordinary {@link InetSocketAddress}.
 */
public final class AddressTuple extends InetSocketAddress {
    private static final long serialVersionUID = 1L;

    private AddressTuple(InetSocketAddress address) {
        super(address.getAddress(), address.getPort());
    }

    /**
     * The tuple form of {@code address}.
     *
     * @param address a channel's local or remote address
     * @return the address as an {@code AddressTuple}, or {@code address} itself if it is not resolved
     *     or not an internet address (null stays null)
     */
    static SocketAddress of(SocketAddress address) {
        if (address instanceof InetSocketAddress && !((InetSocketAddress) address).isUnresolved()
                && !(address instanceof AddressTuple)) {
            return new AddressTuple((InetSocketAddress) address);
        }
        return address;
    }

    /**
     * The host, as Python's tuple holds it: the address in text ({@code "127.0.0.1"}).
     *
     * @return the numeric address
     */
    public String host() {
        String host = getAddress().getHostAddress();
        int scope = host.indexOf('%');
        return scope < 0 ? host : host.substring(0, scope);
    }

    /**
     * The port: {@link #getPort()}.
     *
     * @return the port
     */
    public int port() {
        return getPort();
    }

    @Override
    public String toString() {
        if (getAddress() instanceof Inet6Address) {
            return "('" + host() + "', " + getPort() + ", 0, " + ((Inet6Address) getAddress()).getScopeId() + ")";
        }
        return "('" + host() + "', " + getPort() + ")";
    }
}
