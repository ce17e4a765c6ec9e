// Built from the README's snippet: `mvn compile exec:java` ran rewritten main classes, and
// `mvn test-compile` left rewritten test classes.
def log = new File(basedir, 'build.log').text
assert log.contains('square 1\nsquare 4\nsquare 9\nawaited hello') : 'exec:java after compile ran the rewritten Squares'
assert !log.contains('NotRewrittenError') : 'a class ran unrewritten'

def runtimeJar = new File(localRepositoryPath, "dev/weft/weft-runtime/${weftVersion}/weft-runtime-${weftVersion}.jar")
def java = new File(System.getProperty('java.home'), 'bin/java').path
def classpath = ['target/test-classes', 'target/classes'].collect { new File(basedir, it).path } + runtimeJar.path
def process = [java, '-cp', classpath.join(File.pathSeparator), 'com.example.SquaresCheck'].execute()
def out = new StringBuilder()
def err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : "SquaresCheck failed:\n${out}\n${err}"
assert out.toString().readLines() == ['test square 4', 'test square 9'] : "SquaresCheck printed ${out}"
return true
