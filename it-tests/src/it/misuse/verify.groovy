// Each line marked weft-error in the sources must be reported, javac-style, by both builds:
// logged as an error when failOnError is false, and in the failure of the default build.
def log = new File(basedir, 'build.log').text
def sources = new File(basedir, 'src/main/java/com/example')
def expected = []
sources.eachFile { file ->
    file.readLines().eachWithIndex { line, i ->
        if (line.contains('// weft-error')) {
            expected << "com/example/${file.name}:${i + 1}: error: in com.example.${file.name - '.java'}."
        }
    }
}
assert expected.size() == 2

expected.each { location ->
    def count = log.count(location)
    assert count == 2 : "expected '${location}' once per build, found it ${count} times in build.log"
}
assert log.count('BUILD SUCCESS') == 1 : 'the build with failOnError=false goes on'
assert log.count('BUILD FAILURE') == 1 : 'the default build fails'
assert log.contains('Weft found 2 problem(s):') : 'the failure says why'
return true
