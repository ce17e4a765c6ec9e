// The sample project was built twice with weft-maven-plugin: check what the plugin said, then run
// the rewritten classes on a JVM and compare their output with Python's.
def log = new File(basedir, 'build.log').text

assert log.contains('Weft: rewrote com.example.Squares.num(I)Ldev/weft/Generator;') : 'verbose listing of num'
assert log.contains('Weft: rewrote com.example.Delegation.func1()Ldev/weft/Generator;') : 'verbose listing of func1'
assert log.contains('Weft: rewrote 3 methods in 2 classes (2 classes scanned)') : 'summary of the first build'
assert log.contains('Weft: rewrote 0 methods in 0 classes (0 classes scanned, 2 unchanged since the last run)') : 'the second build is incremental'

def runtimeJar = new File(localRepositoryPath, "dev/weft/weft-runtime/${weftVersion}/weft-runtime-${weftVersion}.jar")
assert runtimeJar.isFile() : "no runtime jar at ${runtimeJar}"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def classpath = [new File(basedir, 'target/classes').path, runtimeJar.path].join(File.pathSeparator)

def run = { String mainClass ->
    def process = [java, '-cp', classpath, mainClass].execute()
    def out = new StringBuilder()
    def err = new StringBuilder()
    process.waitForProcessOutput(out, err)
    assert process.exitValue() == 0 : "${mainClass} failed:\n${out}\n${err}"
    return out.toString().readLines()
}

def squares = run('com.example.Squares')
assert squares == ['1', '4', '9', '16', '25', '36', '49', '64', '81'] : "num(1) printed ${squares}"
def delegation = run('com.example.Delegation')
assert delegation == ['1', '3', '4', '2'] : "func1() printed ${delegation}"
return true
