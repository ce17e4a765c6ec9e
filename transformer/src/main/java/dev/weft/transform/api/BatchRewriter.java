package dev.weft.transform.api;

import dev.weft.transform.analyse.ClassHierarchy;
import dev.weft.transform.report.Problem;
import dev.weft.transform.report.RewriteException;
import dev.weft.transform.report.RewriteResult;
import dev.weft.transform.report.RewrittenMethod;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every class of some directories and jars: the batch behind the Maven plugin and the
 * command line, so that both treat files alike.
 *
 * <p>Each input is rewritten in place, or into an output: a directory input is mirrored into the
 * output directory (resources and untouched classes copied), a jar input becomes a jar of the
 * same name inside it, or, for a single jar input and an output named {@code *.jar}, that jar.
 * Directories are walked in sorted order and jar entries keep their order, times and
 * compression, so the same input gives the same output. A jar with nothing to rewrite is left
 * as it is (or copied as it is).
 *
 * <p>Every class refused by the rewrite is left unchanged and its problems are collected; the
 * run goes on, and {@link BatchResult#problems()} reports them all at the end.
 *
 * <p>With a {@linkplain Builder#stampFile stamp file} the run is incremental: the stamp lists the
 * modification time and size of every file that the last run without problems handled (with the
 * same inputs, output, classpath and filters), and a class file or jar that still has them (and
 * whose output is still there) is not read again. No clocks are compared, so coarse file times
 * do no harm. Classes that were already rewritten are passed over by the {@link Rewriter} itself.
 *
 * <p>Instances are immutable; a run keeps its state to itself, so runs may go on in parallel
 * on different inputs.
 */
public final class BatchRewriter {
    /** The rewrite of one class file; {@link Rewriter#rewrite} outside of tests. */
    @FunctionalInterface
    interface RewriteFunction {
        RewriteResult rewrite(byte[] classFile) throws RewriteException;
    }

    private static final String STAMP_HEADER = "weft-batch-stamp 1 ";

    /**
     * The suffix of the file a run writes beside each output before moving it over the output in
     * one step, so that a run killed half-way leaves every output whole; the next run deletes it.
     */
    static final String PARTIAL_SUFFIX = ".weft-tmp";

    private final List<Path> inputs;
    private final Path output;
    private final List<Path> classpath;
    private final List<String> includes;
    private final List<String> excludes;
    private final ClassFilter filter;
    private final Path stampFile;
    private final boolean verbose;
    private final boolean stripSignatures;
    private final SourceRoots sourceRoots;
    private final Consumer<String> log;
    private final RewriteFunction rewrite;

    private BatchRewriter(Builder b) {
        this.inputs = List.copyOf(b.inputs);
        this.output = b.output;
        this.classpath = List.copyOf(b.classpath);
        this.includes = List.copyOf(b.includes);
        this.excludes = List.copyOf(b.excludes);
        this.filter = new ClassFilter(includes, excludes);
        this.stampFile = b.stampFile;
        this.verbose = b.verbose;
        this.stripSignatures = b.stripSignatures;
        this.sourceRoots = new SourceRoots(b.sourceRoots);
        this.log = b.log;
        this.rewrite = b.rewrite;
    }

    /** A new builder; at least one {@linkplain Builder#input input} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link BatchRewriter}. */
    public static final class Builder {
        private final List<Path> inputs = new ArrayList<>();
        private Path output;
        private final List<Path> classpath = new ArrayList<>();
        private final List<String> includes = new ArrayList<>();
        private final List<String> excludes = new ArrayList<>();
        private Path stampFile;
        private boolean verbose;
        private boolean stripSignatures;
        private final List<Path> sourceRoots = new ArrayList<>();
        private Consumer<String> log = line -> { };
        private RewriteFunction rewrite;

        private Builder() {
        }

        /** Adds a directory of classes or a jar to rewrite. */
        public Builder input(Path dirOrJar) {
            inputs.add(Objects.requireNonNull(dirOrJar, "input"));
            return this;
        }

        /** Where to write, instead of in place: a directory, or a {@code .jar} for a single jar input. */
        public Builder output(Path dirOrJar) {
            this.output = dirOrJar;
            return this;
        }

        /** Directories and jars where the rewrite finds the super classes of the inputs' classes (the JDK is always there). */
        public Builder classpath(List<Path> entries) {
            classpath.addAll(entries);
            return this;
        }

        /** Ant-style patterns of class file paths to rewrite, such as {@code com/example/**}; none means all. */
        public Builder includes(List<String> patterns) {
            includes.addAll(patterns);
            return this;
        }

        /** Ant-style patterns of class file paths never to rewrite, such as {@code **}{@code /*Test.class}. */
        public Builder excludes(List<String> patterns) {
            excludes.addAll(patterns);
            return this;
        }

        /** Makes the run incremental, keeping in {@code file} what the last run without problems handled. */
        public Builder stampFile(Path file) {
            this.stampFile = file;
            return this;
        }

        /** Whether to log every rewritten method. */
        public Builder verbose(boolean verbose) {
            this.verbose = verbose;
            return this;
        }

        /**
         * Whether to remove the signature of a signed jar whose signed classes the rewrite changes
         * (its signature files and the manifest's digests), leaving an unsigned jar; by default
         * such a jar is refused, as one of the problems, and left as it is.
         */
        public Builder stripSignatures(boolean strip) {
            this.stripSignatures = strip;
            return this;
        }

        /**
         * The folders of the inputs' sources ({@code src/main/java}): a problem in a class whose
         * source file is found there is printed with that file's absolute path, and a refusal of
         * a method's declaration at the declaration's line rather than the body's first.
         */
        public Builder sourceRoots(List<Path> roots) {
            sourceRoots.addAll(roots);
            return this;
        }

        /** Where the listing of rewritten methods and the summary go; nowhere by default. */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Replaces the {@link Rewriter} (tests of the batch itself). */
        Builder rewriteWith(RewriteFunction rewrite) {
            this.rewrite = rewrite;
            return this;
        }

        /**
         * The batch.
         *
         * @throws IllegalArgumentException if there is no input, an output would be written inside
         *     an input, an output jar is given for a directory or several inputs, or an include or
         *     exclude pattern is empty
         */
        public BatchRewriter build() {
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("no directory or jar to rewrite");
            }
            if (output != null) {
                if (isJar(output) && (inputs.size() != 1 || Files.isDirectory(inputs.get(0)))) {
                    throw new IllegalArgumentException("the output jar " + output
                            + " takes exactly one jar as input; write several inputs, or a directory, into a directory");
                }
                Path out = output.toAbsolutePath().normalize();
                for (Path in : inputs) {
                    Path i = in.toAbsolutePath().normalize();
                    if (!out.equals(i) && out.startsWith(i)) {
                        throw new IllegalArgumentException("the output " + output + " is inside the input " + in);
                    }
                }
            }
            return new BatchRewriter(this);
        }
    }

    /**
     * Rewrites the inputs, logs each rewritten method when verbose, and logs the summary.
     *
     * @return what was rewritten and every problem found; the outputs are written even when
     *     there are problems (the refused classes unchanged)
     * @throws NoSuchFileException if an input does not exist
     * @throws IOException if an input cannot be read or an output cannot be written
     * @throws IllegalStateException if the rewrite fails on a class that ASM reads, for a reason
     *     other than misuse (a defect of Weft), naming the class file; an unreadable class file
     *     (empty, truncated, not a class, of a newer version) or jar is one of the problems
     */
    public BatchResult run() throws IOException {
        RewriteFunction rw = rewrite != null ? rewrite : new Rewriter(ClassHierarchy.of(hierarchyPath()))::rewrite;
        String key = stampKey();
        Run run = new Run(rw, readStamp(key));
        deleteStamp(); // a run that fails half-way must not leave a stamp behind
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                Path target = output == null ? in : output;
                run.directory(in, target);
            } else if (Files.isRegularFile(in)) {
                run.jar(in, jarTarget(in));
            } else {
                throw new NoSuchFileException(in.toString(), null, "no such directory or jar");
            }
        }
        BatchResult result = new BatchResult(run.methods, run.classes, run.scanned, run.upToDate,
                run.problems.stream().map(sourceRoots::locate).collect(Collectors.toList()),
                run.warnings.stream().map(sourceRoots::locate).collect(Collectors.toList()));
        if (stampFile != null && !result.hasProblems()) {
            writeStamp(key, run.handled);
        }
        log.accept(result.summary());
        return result;
    }

    private Path jarTarget(Path in) {
        if (output == null) {
            return in;
        }
        return isJar(output) ? output : output.resolve(in.getFileName().toString());
    }

    /** Whether an output names a jar to write rather than a directory. */
    private static boolean isJar(Path output) {
        return output.getFileName().toString().endsWith(".jar") && !Files.isDirectory(output);
    }

    private List<Path> hierarchyPath() {
        // a jar that cannot be opened is reported by the run, as one of the problems
        List<Path> path = inputs.stream().filter(BatchRewriter::opens).collect(Collectors.toCollection(ArrayList::new));
        path.addAll(classpath);
        return path;
    }

    /** Whether an input is a directory or a jar that opens. */
    private static boolean opens(Path input) {
        if (Files.isDirectory(input)) {
            return true;
        }
        try (ZipFile zip = new ZipFile(input.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- the stamp: a key of the configuration, then the fingerprint of each file handled ----

    private String stampKey() {
        String config = Stream.of(inputs, List.of(String.valueOf(output)), classpath, includes, excludes)
                .map(list -> list.stream().map(Object::toString).collect(Collectors.joining("\u0000")))
                .collect(Collectors.joining("\u0001"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(config.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return STAMP_HEADER + hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** What the last run handled, file by file (absolute path to fingerprint); empty when there was none like this one. */
    private Map<String, String> readStamp(String key) throws IOException {
        Map<String, String> handled = new HashMap<>();
        if (stampFile == null || !Files.isRegularFile(stampFile)) {
            return handled;
        }
        List<String> lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(key)) {
            return handled;
        }
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                handled.put(line.substring(tab + 1), line.substring(0, tab));
            }
        }
        return handled;
    }

    private void deleteStamp() throws IOException {
        if (stampFile != null) {
            Files.deleteIfExists(stampFile);
        }
    }

    private void writeStamp(String key, Map<String, String> handled) throws IOException {
        Path dir = stampFile.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        List<String> lines = new ArrayList<>();
        lines.add(key);
        new TreeMap<>(handled).forEach((file, fingerprint) -> lines.add(fingerprint + "\t" + file));
        Files.write(stampFile, lines, StandardCharsets.UTF_8);
    }

    /** The modification time and size of a file: what says that it changed. */
    private static String fingerprint(Path file) throws IOException {
        return Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS) + ":" + Files.size(file);
    }

    /** The state of one {@link #run()}. */
    private final class Run {
        private final RewriteFunction rw;
        private final Map<String, String> previous;
        private final Map<String, String> handled = new HashMap<>();
        private final Set<Path> written = new HashSet<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<Problem> warnings = new ArrayList<>();
        private int methods;
        private int classes;
        private int scanned;
        private int upToDate;

        Run(RewriteFunction rw, Map<String, String> previous) {
            this.rw = rw;
            this.previous = previous;
        }

        void directory(Path in, Path out) throws IOException {
            boolean inPlace = Files.isDirectory(out) && Files.isSameFile(in, out);
            if (!inPlace && Files.isDirectory(out)) {
                deletePartials(out);
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(in)) {
                files = walk.filter(f -> !f.equals(in)).sorted().collect(Collectors.toList());
            }
            files.stream().filter(f -> Files.isDirectory(f) && f.getFileName().toString().endsWith(".class"))
                    .forEach(f -> log.accept("Weft: " + f + " is a directory, not a class file: skipped"));
            files.removeIf(f -> !Files.isRegularFile(f));
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(PARTIAL_SUFFIX)) {
                    if (inPlace) {
                        Files.deleteIfExists(file); // left by a run that was killed
                    }
                    continue;
                }
                String rel = slashed(in.relativize(file));
                Path target = out.resolve(rel);
                boolean rewritable = rel.endsWith(".class") && filter.accepts(classPath(rel));
                if (inPlace && !rewritable) {
                    continue;
                }
                if (!inPlace && !written.add(target.toAbsolutePath().normalize())) {
                    throw new FileAlreadyExistsException(target.toString(), null, "two inputs hold " + rel);
                }
                if (unchanged(file, target)) {
                    upToDate += rewritable ? 1 : 0;
                    continue;
                }
                byte[] bytes = rewritable ? rewritten(Files.readAllBytes(file), file.toString()) : null;
                if (bytes != null && inPlace && Files.isSymbolicLink(file)) {
                    problems.add(throughLink(file));
                    continue;
                }
                if (bytes != null) {
                    Files.createDirectories(target.getParent());
                    writeWhole(target, bytes);
                } else if (!inPlace) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                remember(file);
            }
        }

        void jar(Path in, Path out) throws IOException {
            boolean inPlace = Files.exists(out) && Files.isSameFile(in, out);
            if (!written.add(out.toAbsolutePath().normalize())) {
                throw new FileAlreadyExistsException(out.toString(), null, "two inputs are written to it");
            }
            Path dir = out.toAbsolutePath().getParent();
            Path tmp = partial(out.toAbsolutePath());
            Files.deleteIfExists(tmp); // left by a run that was killed
            if (Files.size(in) == 0) {
                problems.add(Problem.ofFile(in.toString(), "empty file, not a jar"));
                return;
            }
            ZipFile opened;
            try {
                opened = new ZipFile(in.toFile());
            } catch (ZipException e) {
                problems.add(Problem.ofFile(in.toString(), "not a jar (" + e.getMessage() + ")"));
                return;
            }
            try (ZipFile zip = opened) {
                List<? extends ZipEntry> entries = Collections.list(zip.entries());
                if (entries.isEmpty()) {
                    log.accept("Weft: " + in + " is an empty jar: nothing to rewrite");
                }
                if (unchanged(in, out)) {
                    upToDate += (int) entries.stream().filter(this::rewritable).count();
                    return;
                }
                Map<String, byte[]> replaced = new HashMap<>();
                for (ZipEntry e : entries) {
                    byte[] data;
                    try {
                        data = read(zip, e);
                    } catch (ZipException x) {
                        // the jar cannot be written again without this entry: it is left as it is
                        problems.add(Problem.ofFile(in + "!/" + e.getName(), "corrupt jar entry (" + x.getMessage() + ")"));
                        return;
                    }
                    if (rewritable(e)) {
                        byte[] changed = rewritten(data, in + "!/" + e.getName());
                        if (changed != null) {
                            replaced.put(e.getName(), changed);
                        }
                    }
                }
                Files.createDirectories(dir);
                JarSignature signature = replaced.isEmpty() ? null : JarSignature.of(zip, entries);
                if (signature != null && !stripSignatures) {
                    Set<String> broken = signature.signedAmong(replaced.keySet());
                    if (!broken.isEmpty()) {
                        problems.add(Problem.ofFile(in.toString(), "a signed jar: the rewrite would change its signed entries "
                                + String.join(", ", broken) + ", and the JVM would refuse to load them (digest error);"
                                + " re-signing is yours to do: rewrite the unsigned jar and sign the result, or strip the"
                                + " signature (--strip-signatures on the command line)"));
                        return;
                    }
                }
                if (!replaced.isEmpty() && inPlace && Files.isSymbolicLink(in)) {
                    problems.add(throughLink(in));
                    return;
                }
                boolean strip = signature != null && stripSignatures && signature.signed();
                if (strip && signature.hasManifest()) {
                    replaced.put(JarFile.MANIFEST_NAME, signature.manifestWithoutDigests());
                }
                if (replaced.isEmpty()) {
                    if (!inPlace) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                    remember(in);
                    return;
                }
                // buffered: ZipOutputStream writes its headers a byte at a time, a system call each on a bare file stream
                try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                        ZipOutputStream zos = new ZipOutputStream(file)) {
                    zos.setComment(zip.getComment());
                    for (ZipEntry e : entries) {
                        if (strip && JarSignature.isSignatureFile(e.getName())) {
                            continue;
                        }
                        byte[] data = replaced.containsKey(e.getName()) ? replaced.get(e.getName()) : read(zip, e);
                        zos.putNextEntry(copyOf(e, data));
                        zos.write(data);
                        zos.closeEntry();
                    }
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
            }
            // replaced once the input is closed: some file systems refuse to replace an open file
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            remember(in);
        }

        private byte[] read(ZipFile zip, ZipEntry e) throws IOException {
            try (InputStream s = zip.getInputStream(e)) {
                return s.readAllBytes();
            }
        }

        private boolean rewritable(ZipEntry e) {
            return !e.isDirectory() && e.getName().endsWith(".class") && filter.accepts(classPath(e.getName()));
        }

        /** Whether {@code in} is as the last run left it, and its output is still there. */
        private boolean unchanged(Path in, Path target) throws IOException {
            String key = in.toAbsolutePath().normalize().toString();
            String fingerprint = fingerprint(in);
            if (fingerprint.equals(previous.get(key)) && Files.exists(target)) {
                handled.put(key, fingerprint);
                return true;
            }
            return false;
        }

        /** Records {@code in} as handled, as it is now (after an in-place rewrite). */
        private void remember(Path in) throws IOException {
            handled.put(in.toAbsolutePath().normalize().toString(), fingerprint(in));
        }

        /** The rewritten class, or {@code null} to keep it as it is. */
        private byte[] rewritten(byte[] classFile, String where) {
            scanned++;
            RewriteResult result;
            try {
                result = rw.rewrite(classFile);
            } catch (RewriteException e) {
                for (Problem p : e.problems()) {
                    (p.isWarning() ? warnings : problems).add(p);
                }
                return null;
            } catch (RuntimeException e) {
                String wrong = UnreadableClass.whatIsWrong(classFile);
                if (wrong != null) {
                    problems.add(Problem.ofFile(where, wrong));
                    return null;
                }
                throw new IllegalStateException("Weft could not rewrite " + where + ": " + e, e);
            }
            warnings.addAll(result.warnings());
            if (!result.changed()) {
                return null;
            }
            classes++;
            methods += result.methods().size();
            if (verbose) {
                for (RewrittenMethod m : result.methods()) {
                    log.accept("Weft: rewrote " + result.className() + "." + m);
                }
            }
            return result.bytes();
        }
    }

    /**
     * The refusal to rewrite {@code link} in place: writing through it would change a file
     * outside the input, replacing it would turn the link into a regular file; both surprise a
     * build. Written into an output directory ({@code -d}), the link is read and the output is a
     * regular file.
     */
    private static Problem throughLink(Path link) throws IOException {
        return Problem.ofFile(link.toString(), "a symbolic link (to " + Files.readSymbolicLink(link) + "): the rewrite does not"
                + " write through a link nor replace it in place; rewrite the file it points to, or write into an output"
                + " directory (-d OUT)");
    }

    /** Where {@code target} is written before it is moved over {@code target}. */
    private static Path partial(Path target) {
        return target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
    }

    /** Writes {@code bytes} to {@code target} in one step: a kill leaves the old file or the new one, never a part. */
    private static void writeWhole(Path target, byte[] bytes) throws IOException {
        Path tmp = partial(target);
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes the partial outputs that killed runs left under {@code dir}. */
    private static void deletePartials(Path dir) throws IOException {
        List<Path> partials;
        try (Stream<Path> walk = Files.walk(dir)) {
            partials = walk.filter(f -> f.getFileName().toString().endsWith(PARTIAL_SUFFIX) && Files.isRegularFile(f))
                    .collect(Collectors.toList());
        }
        for (Path f : partials) {
            Files.deleteIfExists(f);
        }
    }

    /** An entry like {@code e} (name, time, extra fields, comment, compression) holding {@code data}. */
    private static ZipEntry copyOf(ZipEntry e, byte[] data) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        if (e.getExtra() != null) {
            copy.setExtra(e.getExtra());
        }
        copy.setComment(e.getComment());
        copy.setMethod(e.getMethod());
        if (e.getMethod() == ZipEntry.STORED) {
            CRC32 crc = new CRC32();
            crc.update(data);
            copy.setSize(data.length);
            copy.setCompressedSize(data.length);
            copy.setCrc(crc.getValue());
        }
        return copy;
    }

    /** The path of a class file as includes and excludes see it: a multi-release jar's version folder removed. */
    private static String classPath(String rel) {
        return rel.replaceFirst("^META-INF/versions/[0-9]+/", "");
    }

    private static String slashed(Path rel) {
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }
}
