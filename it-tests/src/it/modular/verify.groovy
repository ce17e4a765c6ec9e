// The modular application runs on the module path, with weft-runtime as the module dev.weft.runtime.
def log = new File(basedir, 'build.log').text
assert log.contains('Weft: rewrote 3 methods in 1 classes') : 'the plugin rewrote the module\'s classes'

def runtimeJar = new File(localRepositoryPath, "dev/weft/weft-runtime/${weftVersion}/weft-runtime-${weftVersion}.jar")
def describe = [new File(System.getProperty('java.home'), 'bin/jar').path, '--describe-module', '--file', runtimeJar.path].execute().text
assert describe.startsWith('No module descriptor found. Derived automatic module.') && describe.contains('dev.weft.runtime@') : describe

def java = new File(System.getProperty('java.home'), 'bin/java').path
def modulePath = [new File(basedir, 'target/modular-1.0.jar').path, runtimeJar.path].join(File.pathSeparator)
def process = [java, '--module-path', modulePath, '-m', 'com.example.modular/com.example.modular.Main'].execute()
def out = new StringBuilder()
def err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : "the modular application failed:\n${out}\n${err}"
assert out.toString().readLines() == ['3', '2', '1', '[world, hello]', 'module com.example.modular'] : "it printed:\n${out}\n${err}"
return true
