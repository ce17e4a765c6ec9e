package dev.weft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keys and certificates for 127.0.0.1 and localhost made at test time by the JDK's
 * {@code keytool} (no key is checked in), with server and client {@link SSLContext}s over them:
 * a self-signed certificate, or a leaf signed by a test CA (the JDK does not check the dates of a
 * trusted self-signed certificate, so an expired certificate needs a CA above it).
 */
final class KeytoolCertificates {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String SAN = "SAN=ip:127.0.0.1,dns:localhost";

    /** The server's key and chain, under the alias {@code server}. */
    final KeyStore keys;
    /** The certificate a client trusts. */
    final Certificate anchor;

    private KeytoolCertificates(KeyStore keys, Certificate anchor) {
        this.keys = keys;
        this.anchor = anchor;
    }

    /** A key pair with a self-signed certificate valid from now for {@code days}. */
    static KeytoolCertificates selfSigned(Path dir, String name, int days) throws Exception {
        Path store = dir.resolve(name + ".p12");
        run(genkeypair(store, "server", "CN=localhost", String.valueOf(days), "-ext", SAN));
        KeyStore ks = load(store);
        return new KeytoolCertificates(ks, ks.getCertificate("server"));
    }

    /** A leaf signed by a fresh CA, its validity {@code days} from {@code startDate} (keytool's {@code -startdate}, say {@code -3d}). */
    static KeytoolCertificates signedByCa(Path dir, String name, String startDate, int days) throws Exception {
        Path ca = dir.resolve(name + "-ca.p12");
        Path leaf = dir.resolve(name + ".p12");
        Path csr = dir.resolve(name + ".csr");
        Path cer = dir.resolve(name + ".cer");
        Process a = start(genkeypair(ca, "ca", "CN=Weft test CA", "30", "-ext", "bc:c"));
        Process b = start(genkeypair(leaf, "server", "CN=localhost", "30"));
        finish(a);
        finish(b);
        run(keytool("-certreq", "-alias", "server", "-keystore", leaf.toString(), "-storepass", new String(PASSWORD),
                "-file", csr.toString()));
        run(keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", new String(PASSWORD),
                "-infile", csr.toString(), "-outfile", cer.toString(), "-startdate", startDate,
                "-validity", String.valueOf(days), "-ext", SAN));
        KeyStore caStore = load(ca);
        KeyStore leafStore = load(leaf);
        Certificate caCert = caStore.getCertificate("ca");
        Certificate signed;
        try (InputStream in = Files.newInputStream(cer)) {
            signed = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        Key key = leafStore.getKey("server", PASSWORD);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", key, PASSWORD, new Certificate[] {signed, caCert});
        return new KeytoolCertificates(ks, caCert);
    }

    private static List<String> genkeypair(Path store, String alias, String dname, String days, String... more) {
        List<String> cmd = keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", dname, "-validity", days, "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                "-storetype", "PKCS12");
        cmd.addAll(List.of(more));
        return cmd;
    }

    private static List<String> keytool(String... args) {
        Path inJdk = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new ArrayList<>();
        cmd.add(Files.isExecutable(inJdk) ? inJdk.toString() : "keytool");
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static Process start(List<String> cmd) {
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void finish(Process keytool) throws InterruptedException, IOException {
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    private static void run(List<String> cmd) throws InterruptedException, IOException {
        finish(start(cmd));
    }

    private static KeyStore load(Path store) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    /** A server's context: this key and chain. */
    SSLContext server() throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    /** A client's context that trusts {@link #anchor} only. */
    SSLContext client() throws GeneralSecurityException, IOException {
        return client("TLS");
    }

    /** A client's context for {@code protocol} (say {@code "TLSv1.2"}) that trusts {@link #anchor} only. */
    SSLContext client(String protocol) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("anchor", anchor);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext c = SSLContext.getInstance(protocol);
        c.init(null, tmf.getTrustManagers(), null);
        return c;
    }
}
