// mvn verify ran the @AsyncTest: rewritten by the plugin, run by weft-junit's extension, passed.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'both @AsyncTests ran and passed'
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.PingTest.xml').text
assert report.contains('testcase name="pings') : 'surefire ran PingTest.pings'
def requestId = new File(basedir, 'target/surefire-reports/TEST-com.example.RequestIdTest.xml').text
assert requestId.contains('testcase name="requestIdReachesChildTasksAndThreads') : 'surefire ran RequestIdTest'
