// Puts the README's "add Weft to your project" xml block into pom.xml, verbatim: the project is
// built from exactly the text a user copies. Only the reactor's plugin versions are added to its
// <build>, so that the build finds them already downloaded.
def readme = new File(readmePath).text
def section = readme.indexOf('## Using Weft in your own Maven project')
assert section >= 0 : "no section 'Using Weft in your own Maven project' in ${readmePath}"
def open = readme.indexOf('```xml\n', section)
assert open >= 0 : 'no ```xml block in that section of the README'
def snippet = readme.substring(open + '```xml\n'.length(), readme.indexOf('```', open + 6))

def versions = (snippet =~ /<version>([^<]*)<\/version>/).collect { it[1] } as Set
assert versions == [weftVersion] as Set : "the README's snippet names version(s) ${versions}, the reactor builds ${weftVersion}"

def pinned = '''<build>
  <pluginManagement>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.16.0</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.6.1</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
      <plugin><groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.5.1</version></plugin>
    </plugins>
  </pluginManagement>'''
assert snippet.count('<build>') == 1 : "the README's snippet should hold one <build>"
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<!-- README SNIPPET -->', snippet.replace('<build>', pinned))
new File(basedir, 'snippet.xml').text = snippet
return true
