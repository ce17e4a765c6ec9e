package dev.weft.examples.tls;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Python's {@code ssl.create_default_context(...)} with PEM files, for the TLS example: the JDK
 * reads a PEM certificate itself but wants a key store around a key and a trust store around a
 * CA, which is what these two methods build from the example's resources.
 */
final class PemContexts {
    private PemContexts() {
    }

    /** {@code ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH); ctx.load_cert_chain(cert, key)}. */
    static SSLContext server(String certResource, String keyResource) {
        try {
            return serverContext(certResource, keyResource);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + certResource + " and " + keyResource + ": " + e, e);
        }
    }

    /** {@code ssl.create_default_context(cafile=cert)}: trusts that certificate only. */
    static SSLContext client(String caResource) {
        try {
            return clientContext(caResource);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + caResource + ": " + e, e);
        }
    }

    private static SSLContext serverContext(String certResource, String keyResource) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", privateKey(keyResource), new char[0], new Certificate[] {certificate(certResource)});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static SSLContext clientContext(String caResource) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", certificate(caResource));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static Certificate certificate(String resource) throws IOException, GeneralSecurityException {
        try (InputStream in = open(resource)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** An unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----}), as {@code openssl req -nodes} writes it. */
    private static PrivateKey privateKey(String resource) throws IOException, GeneralSecurityException {
        String pem;
        try (InputStream in = open(resource)) {
            pem = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = PemContexts.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("no resource " + resource + " beside " + PemContexts.class.getName());
        }
        return in;
    }
}
