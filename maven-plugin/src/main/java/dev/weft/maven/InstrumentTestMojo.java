package dev.weft.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Rewrites the {@code @Async} methods of {@code target/test-classes} in place, after test
 * compilation, with the test classpath (which holds {@code target/classes}). Incremental, with
 * the stamp {@code target/weft-instrument-test.stamp}. Bound to the {@code test-compile} phase,
 * after the compiler, so that {@code mvn test-compile} leaves rewritten test classes.
 */
@Mojo(name = "instrument-test", defaultPhase = LifecyclePhase.TEST_COMPILE,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstrumentTestMojo extends AbstractInstrumentMojo {
    @Parameter(defaultValue = "${project.build.testOutputDirectory}", readonly = true, required = true)
    private File testOutputDirectory;

    @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
    private List<String> testClasspath;

    @Override
    File classesDirectory() {
        return testOutputDirectory;
    }

    @Override
    List<String> classpathElements() {
        return testClasspath;
    }

    @Parameter(defaultValue = "${project.testCompileSourceRoots}", readonly = true, required = true)
    private List<String> sourceRoots;

    @Override
    List<String> sourceRoots() {
        return sourceRoots;
    }

    @Override
    String stampName() {
        return "weft-instrument-test.stamp";
    }
}
