package dev.weft.transform.cli;

import dev.weft.transform.api.BatchResult;
import dev.weft.transform.api.BatchRewriter;
import dev.weft.transform.report.Problem;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line, for builds other than Maven:
 * {@code java -jar weft-transformer.jar [--classpath CP] [-d OUT] [--verbose] DIR|JAR...}, or
 * {@code java -jar weft-transformer.jar --print com.x.Foo#bar DIR|JAR...} to print the rewritten
 * bytecode of one method (for bug reports) without writing anything.
 *
 * <p>Exit status: 0 when every class was rewritten or needed nothing, 1 when the rewrite refused
 * a class (each problem on the error stream, one a line, in the javac form
 * {@code File.java:LINE: error: ...}) or a file could not be read or written, 2 on bad usage.
 * Warnings ({@code File.java:LINE: warning: ...}, a forgotten {@code await}) go to the error stream
 * too and leave the status 0, unless {@code --fail-on-warning}.
 */
public final class Main {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar weft-transformer.jar [options] DIR|JAR...",
            "Rewrites the @Async methods of the classes in each directory or jar, in place or into -d OUT.",
            "  --classpath CP, -cp CP   where the super classes of the inputs' classes are (" + File.pathSeparator + "-separated)",
            "  -d OUT                   write into the directory OUT (or the jar OUT.jar for a single jar) instead of in place",
            "  --sourcepath DIRS        where the sources are (" + File.pathSeparator + "-separated): problems name the source file's",
            "                           path there, and a refused declaration its own line",
            "  --include GLOB           rewrite only class files matching GLOB, such as com/example/** (repeatable)",
            "  --exclude GLOB           never rewrite class files matching GLOB (repeatable)",
            "  --verbose, -v            list every rewritten method, its suspension points and saved state",
            "  --strip-signatures       remove the signature of a signed jar whose signed classes are rewritten",
            "                           (by default such a jar is refused: re-signing is yours to do)",
            "  --fail-on-warning        exit with 1 when there are warnings (a forgotten await, ...), as for errors",
            "  --print CLASS#METHOD     print the rewritten bytecode (ASM Textifier) of the @Async method METHOD",
            "                           of CLASS (such as com.example.Foo#bar), its factory and its body; writes nothing",
            "  --help, -h               print this message",
            "A symbolic link to a class file or jar that needs rewriting is refused in place (neither written",
            "through nor replaced); with -d OUT it is read and its output is a regular file.",
            "Exit status: 0 ok, 1 problems (printed to stderr, as are warnings), 2 bad usage.");

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line, printing on {@code out} and {@code err}, and returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        BatchRewriter.Builder batch = BatchRewriter.builder().log(out::println);
        List<Path> classpath = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        List<Path> inputPaths = new ArrayList<>();
        String print = null;
        boolean failOnWarning = false;
        int inputs = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--classpath":
                    case "-classpath":
                    case "-cp":
                        for (String entry : value(args, ++i, arg).split(File.pathSeparator)) {
                            if (!entry.isEmpty()) {
                                classpath.add(Paths.get(entry));
                            }
                        }
                        break;
                    case "--sourcepath":
                    case "-sourcepath":
                        batch.sourceRoots(paths(value(args, ++i, arg)));
                        break;
                    case "-d":
                        batch.output(Paths.get(value(args, ++i, arg)));
                        break;
                    case "--include":
                        includes.add(value(args, ++i, arg));
                        break;
                    case "--exclude":
                        excludes.add(value(args, ++i, arg));
                        break;
                    case "--verbose":
                    case "-v":
                        batch.verbose(true);
                        break;
                    case "--strip-signatures":
                        batch.stripSignatures(true);
                        break;
                    case "--fail-on-warning":
                        failOnWarning = true;
                        break;
                    case "--print":
                        print = value(args, ++i, arg);
                        break;
                    case "--help":
                    case "-h":
                        out.println(USAGE);
                        return 0;
                    default:
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        Path input = Paths.get(arg);
                        if (!Files.isDirectory(input) && !Files.isRegularFile(input)) {
                            throw new IllegalArgumentException("no such directory or jar: " + arg);
                        }
                        batch.input(input);
                        inputPaths.add(input);
                        inputs++;
                }
            }
            if (inputs == 0) {
                throw new IllegalArgumentException("no directory or jar to rewrite");
            }
            if (print != null) {
                return PrintMethod.run(print, inputPaths, classpath, out, err);
            }
            batch.classpath(classpath).includes(includes).excludes(excludes);
            BatchResult result = batch.build().run();
            for (Problem p : result.problems()) {
                err.println(p);
            }
            for (Problem p : result.warnings()) {
                err.println(p);
            }
            return result.hasProblems() || failOnWarning && !result.warnings().isEmpty() ? 1 : 0;
        } catch (IllegalArgumentException e) {
            err.println("weft: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("weft: " + e);
            return 1;
        }
    }

    private static List<Path> paths(String list) {
        List<Path> paths = new ArrayList<>();
        for (String entry : list.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                paths.add(Paths.get(entry));
            }
        }
        return paths;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
