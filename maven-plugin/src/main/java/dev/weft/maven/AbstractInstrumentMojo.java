package dev.weft.maven;

import dev.weft.transform.api.BatchResult;
import dev.weft.transform.api.BatchRewriter;
import dev.weft.transform.report.Problem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What both goals share: a thin layer over {@link BatchRewriter}, which does all the work. A goal
 * only says which directory, which classpath and which stamp file.
 */
abstract class AbstractInstrumentMojo extends AbstractMojo {
    /** Skips the rewrite. */
    @Parameter(property = "weft.skip", defaultValue = "false")
    private boolean skip;

    /** Ant-style patterns of class files to rewrite, relative to the classes directory, such as {@code com/example/**}; all when empty. */
    @Parameter
    private List<String> includes = new ArrayList<>();

    /** Ant-style patterns of class files never to rewrite, such as {@code com/example/legacy/**}. */
    @Parameter
    private List<String> excludes = new ArrayList<>();

    /** Whether misuse of Weft fails the build; when false, each problem is logged as an error and the build goes on. */
    @Parameter(property = "weft.failOnError", defaultValue = "true")
    private boolean failOnError;

    /**
     * Whether a warning (a forgotten {@code await}: a {@code Coroutine} discarded unawaited) fails
     * the build; otherwise each is logged as a warning at its file and line.
     */
    @Parameter(property = "weft.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Lists every rewritten method. */
    @Parameter(property = "weft.verbose", defaultValue = "false")
    private boolean verbose;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File buildDirectory;

    /** The directory of classes to rewrite in place. */
    abstract File classesDirectory();

    /** The classpath of those classes (the directory itself included or not). */
    abstract List<String> classpathElements();

    /** The folders of those classes' sources: problems name the source file there, as the compiler does. */
    abstract List<String> sourceRoots();

    /** The name of the stamp file in the build directory that makes the goal incremental. */
    abstract String stampName();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Weft: skipped");
            return;
        }
        File classes = classesDirectory();
        if (!classes.isDirectory()) {
            getLog().info("Weft: nothing to rewrite, " + classes + " does not exist");
            return;
        }
        List<Path> classpath = classpathElements().stream().map(Path::of).collect(Collectors.toList());
        BatchResult result;
        try {
            result = BatchRewriter.builder()
                    .input(classes.toPath())
                    .classpath(classpath)
                    .includes(includes)
                    .excludes(excludes)
                    .sourceRoots(sourceRoots().stream().map(Path::of).collect(Collectors.toList()))
                    .stampFile(buildDirectory.toPath().resolve(stampName()))
                    .verbose(verbose)
                    .log(getLog()::info)
                    .build()
                    .run();
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Weft: the rewrite of " + classes + " failed: " + e.getMessage(), e);
        }
        result.warnings().forEach(w -> getLog().warn(w.toString()));
        if (failOnWarning && !result.warnings().isEmpty() && !result.hasProblems()) {
            throw new MojoFailureException("Weft found " + result.warnings().size() + " warning(s) and failOnWarning is set:"
                    + System.lineSeparator() + result.warnings().stream().map(Problem::toString)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        if (!result.hasProblems()) {
            return;
        }
        List<String> lines = result.problems().stream().map(Problem::toString).collect(Collectors.toList());
        if (failOnError) {
            throw new MojoFailureException("Weft found " + lines.size() + " problem(s):"
                    + System.lineSeparator() + String.join(System.lineSeparator(), lines));
        }
        lines.forEach(getLog()::error);
    }
}
