// The line marked weft-warning must be reported, javac-style, as a warning by both builds; the
// first goes on, the second (failOnWarning) fails and says why.
def log = new File(basedir, 'build.log').text
def location = 'com/example/Hello.java:' + (new File(basedir, 'src/main/java/com/example/Hello.java').readLines()
        .findIndexOf { it.contains('// weft-warning') } + 1) + ': warning: in com.example.Hello.main(): the Coroutine that Hello.sayAfter(...) returns is discarded'
// the path is the source file's, as javac prints it (absolute under Maven)
def warned = log.readLines().count { it.startsWith('[WARNING] ') && it.contains('/src/main/java/' + location) }
assert warned == 2 : "expected '${location}' logged as a warning by each build, with the source file's path"
assert log.count('BUILD SUCCESS') == 1 : 'a warning does not fail the build'
assert log.count('BUILD FAILURE') == 1 : 'failOnWarning fails it'
assert log.contains('Weft found 1 warning(s) and failOnWarning is set:')
return true
