package dev.weft.transform.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The signature of a jar, as {@code jarsigner} leaves it: signature files under {@code META-INF}
 * ({@code *.SF}, {@code *.RSA}, {@code *.DSA}, {@code *.EC}, {@code SIG-*}) and, in the manifest,
 * a digest for each signed entry. A rewritten entry no longer matches its digest, and the JVM
 * refuses to load any class of such a jar ({@code SecurityException: SHA-256 digest error}).
 */
final class JarSignature {
    private final List<String> signatureFiles;
    private final Manifest manifest;

    private JarSignature(List<String> signatureFiles, Manifest manifest) {
        this.signatureFiles = signatureFiles;
        this.manifest = manifest;
    }

    /** The signature of {@code zip}, whose entries are {@code entries}; unsigned when it has no signature file. */
    static JarSignature of(ZipFile zip, List<? extends ZipEntry> entries) throws IOException {
        List<String> files = entries.stream().map(ZipEntry::getName).filter(JarSignature::isSignatureFile)
                .collect(java.util.stream.Collectors.toList());
        ZipEntry m = zip.getEntry(JarFile.MANIFEST_NAME);
        Manifest manifest = null;
        if (m != null) {
            try (InputStream in = zip.getInputStream(m)) {
                manifest = new Manifest(in);
            }
        }
        return new JarSignature(files, manifest);
    }

    /** Whether the jar is signed. */
    boolean signed() {
        return !signatureFiles.isEmpty();
    }

    /** Which of {@code names} the signature covers (those with a digest in the manifest), sorted. */
    Set<String> signedAmong(Set<String> names) {
        Set<String> signed = new TreeSet<>();
        if (!signed() || manifest == null) {
            return signed;
        }
        for (String name : names) {
            Attributes a = manifest.getAttributes(name);
            if (a != null && a.keySet().stream().anyMatch(k -> isDigest(k.toString()))) {
                signed.add(name);
            }
        }
        return signed;
    }

    /** Whether the entry {@code name} is a signature file, to leave out of a jar whose signature is stripped. */
    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC")
                || file.startsWith("SIG-");
    }

    /** The manifest without the entries' digests (an entry left with no attribute goes); the main section kept. */
    byte[] manifestWithoutDigests() throws IOException {
        Manifest stripped = new Manifest(manifest);
        Iterator<Map.Entry<String, Attributes>> sections = stripped.getEntries().entrySet().iterator();
        while (sections.hasNext()) {
            Attributes a = sections.next().getValue();
            a.keySet().removeIf(k -> isDigest(k.toString()));
            if (a.isEmpty()) {
                sections.remove();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stripped.write(out);
        return out.toByteArray();
    }

    /** Whether the jar has a manifest to strip. */
    boolean hasManifest() {
        return manifest != null;
    }

    private static boolean isDigest(String attribute) {
        return attribute.toUpperCase(Locale.ROOT).endsWith("-DIGEST");
    }
}
