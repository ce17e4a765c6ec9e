package dev.weft.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rewrites the {@code @Async} methods of {@code target/classes} in place, after compilation.
 * Bound to the {@code compile} phase, where it runs after the compiler (a phase runs the
 * packaging's own executions first), so that {@code mvn compile exec:java} runs rewritten classes.
 * Incremental: class files not changed since the last run without problems are not read again
 * (the stamp is {@code target/weft-instrument.stamp}).
 */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.COMPILE,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    private List<String> compileClasspath;

    @Override
    File classesDirectory() {
        return outputDirectory;
    }

    @Override
    List<String> classpathElements() {
        return compileClasspath;
    }

    @Parameter(defaultValue = "${project.compileSourceRoots}", readonly = true, required = true)
    private List<String> sourceRoots;

    @Override
    List<String> sourceRoots() {
        return sourceRoots;
    }

    @Override
    String stampName() {
        return "weft-instrument.stamp";
    }
}
