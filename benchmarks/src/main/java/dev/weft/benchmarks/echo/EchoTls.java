package dev.weft.benchmarks.echo;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of the echo benchmark: a PKCS12 key store made by {@code benchmarks/echo/run}
 * with {@code keytool -genkeypair} (a self-signed certificate for 127.0.0.1), password
 * {@value #PASSWORD}. The server takes its key from it, the client trusts its certificate.
 */
final class EchoTls {
    /** The key store's password, as the run script makes it. */
    static final String PASSWORD = "echo-bench";

    private EchoTls() {
    }

    static KeyStore load(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    /** The server's key, for Netty's {@code SslContextBuilder.forServer}. */
    static KeyManagerFactory keyManagers(Path p12) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(p12), PASSWORD.toCharArray());
        return kmf;
    }

    /** The server's context, for Weft's {@code startServer(..., sslContext)}. */
    static SSLContext serverContext(Path p12) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers(p12).getKeyManagers(), null, null);
        return ctx;
    }

    /** A client context trusting only the store's certificate. */
    static SSLContext clientContext(Path p12) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(p12));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
