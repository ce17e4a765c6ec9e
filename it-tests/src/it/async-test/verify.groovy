// mvn verify ran the @AsyncTest: rewritten by the plugin, run by weft-junit's extension, passed.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'the @AsyncTest ran and passed'
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.PingTest.xml').text
assert report.contains('testcase name="pings') : 'surefire ran PingTest.pings'
