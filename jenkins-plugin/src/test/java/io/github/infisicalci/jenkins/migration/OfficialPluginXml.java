package io.github.infisicalci.jenkins.migration;

/**
 * Files as Jenkins writes them for users of the official jenkinsci/infisical-plugin (release
 * 29.va_e0dc5ca_b_8fa_, read at commit ae0dc5c): {@code credentials.xml} holding its
 * {@code InfisicalUniversalAuthCredential} (fields {@code machineIdentityClientId}, {@code machineIdentityClientSecret}
 * stored as plain text, and {@code infisicalAuth}, a field-less helper), and a freestyle job's {@code config.xml}
 * with its {@code InfisicalBuildWrapper} ({@code configuration}, {@code secretValuesToMask}, {@code infisicalSecrets}).
 * Shape: Jenkins' XStream2 writes superclass fields first, omits transient ones, names list elements by class
 * and marks the outermost element of each plugin with {@code plugin="name@version"}; the credentials plugin
 * stores {@code SystemCredentialsProvider.domainCredentialsMap}. Placeholders: {@code %1$s} credentials id,
 * {@code %2$s} client id, {@code %3$s} client secret; in the job, {@code %1$s} server URL, {@code %2$s}
 * credentials id, {@code %3$s} project slug.
 */
public final class OfficialPluginXml {
  /** {@code $JENKINS_HOME/credentials.xml}. */
  public static final String CREDENTIALS_XML = """
      <?xml version='1.1' encoding='UTF-8'?>
      <com.cloudbees.plugins.credentials.SystemCredentialsProvider plugin="credentials@1415.v831096eb_5534">
        <domainCredentialsMap class="hudson.util.CopyOnWriteMap$Hash">
          <entry>
            <com.cloudbees.plugins.credentials.domains.Domain>
              <specifications/>
            </com.cloudbees.plugins.credentials.domains.Domain>
            <java.util.concurrent.CopyOnWriteArrayList>
              <io.jenkins.plugins.infisicaljenkins.credentials.InfisicalUniversalAuthCredential plugin="infisical@29.va_e0dc5ca_b_8fa_">
                <scope>GLOBAL</scope>
                <id>%1$s</id>
                <description>CI machine identity</description>
                <machineIdentityClientId>%2$s</machineIdentityClientId>
                <machineIdentityClientSecret>%3$s</machineIdentityClientSecret>
                <infisicalAuth/>
              </io.jenkins.plugins.infisicaljenkins.credentials.InfisicalUniversalAuthCredential>
            </java.util.concurrent.CopyOnWriteArrayList>
          </entry>
        </domainCredentialsMap>
      </com.cloudbees.plugins.credentials.SystemCredentialsProvider>
      """;

  /** {@code $JENKINS_HOME/jobs/NAME/config.xml} of a freestyle job using the official wrapper. */
  public static final String FREESTYLE_CONFIG_XML = """
      <?xml version='1.1' encoding='UTF-8'?>
      <project>
        <actions/>
        <description></description>
        <keepDependencies>false</keepDependencies>
        <properties/>
        <scm class="hudson.scm.NullSCM"/>
        <canRoam>true</canRoam>
        <disabled>false</disabled>
        <blockBuildWhenDownstreamBuilding>false</blockBuildWhenDownstreamBuilding>
        <blockBuildWhenUpstreamBuilding>false</blockBuildWhenUpstreamBuilding>
        <triggers/>
        <concurrentBuild>false</concurrentBuild>
        <builders>
          <hudson.tasks.Shell>
            <command>printf &apos;%%s\\n&apos; &quot;$DB_PASSWORD&quot; | rev
      printf &apos;%%s\\n&apos; &quot;$URL&quot; | rev
      echo &quot;optional=[${THIS_KEY_MIGHT_NOT_EXIST:-unset}]&quot;</command>
            <configuredLocalRules/>
          </hudson.tasks.Shell>
        </builders>
        <publishers/>
        <buildWrappers>
          <io.jenkins.plugins.infisicaljenkins.InfisicalBuildWrapper plugin="infisical@29.va_e0dc5ca_b_8fa_">
            <configuration>
              <infisicalUrl>%1$s</infisicalUrl>
              <infisicalCredentialId>%2$s</infisicalCredentialId>
              <infisicalProjectSlug>%3$s</infisicalProjectSlug>
              <infisicalEnvironmentSlug>dev</infisicalEnvironmentSlug>
            </configuration>
            <secretValuesToMask/>
            <infisicalSecrets>
              <io.jenkins.plugins.infisicaljenkins.model.InfisicalSecret>
                <path>/</path>
                <includeImports>true</includeImports>
                <secretValues>
                  <io.jenkins.plugins.infisicaljenkins.model.InfisicalSecretValue>
                    <isRequired>true</isRequired>
                    <infisicalKey>DB_PASSWORD</infisicalKey>
                  </io.jenkins.plugins.infisicaljenkins.model.InfisicalSecretValue>
                  <io.jenkins.plugins.infisicaljenkins.model.InfisicalSecretValue>
                    <isRequired>false</isRequired>
                    <infisicalKey>THIS_KEY_MIGHT_NOT_EXIST</infisicalKey>
                  </io.jenkins.plugins.infisicaljenkins.model.InfisicalSecretValue>
                </secretValues>
              </io.jenkins.plugins.infisicaljenkins.model.InfisicalSecret>
              <io.jenkins.plugins.infisicaljenkins.model.InfisicalSecret>
                <path>/database</path>
                <includeImports>false</includeImports>
                <secretValues>
                  <io.jenkins.plugins.infisicaljenkins.model.InfisicalSecretValue>
                    <isRequired>true</isRequired>
                    <infisicalKey>URL</infisicalKey>
                  </io.jenkins.plugins.infisicaljenkins.model.InfisicalSecretValue>
                </secretValues>
              </io.jenkins.plugins.infisicaljenkins.model.InfisicalSecret>
            </infisicalSecrets>
          </io.jenkins.plugins.infisicaljenkins.InfisicalBuildWrapper>
        </buildWrappers>
      </project>
      """;

  private OfficialPluginXml() {
  }

  /** {@link #CREDENTIALS_XML} filled in. */
  public static String credentials(String id, String clientId, String clientSecret) {
    return CREDENTIALS_XML.formatted(id, clientId, clientSecret);
  }

  /** {@link #FREESTYLE_CONFIG_XML} filled in. */
  public static String freestyleJob(String serverUrl, String credentialsId, String projectSlug) {
    return FREESTYLE_CONFIG_XML.formatted(serverUrl, credentialsId, projectSlug);
  }

  /** The official credential element alone, as one entry of the credentials list. */
  public static String credentialElement(String id, String clientId, String clientSecret) {
    String all = credentials(id, clientId, clientSecret);
    String open = "<" + OfficialPlugin.CREDENTIAL_CLASS;
    String close = "</" + OfficialPlugin.CREDENTIAL_CLASS + ">";
    return all.substring(all.indexOf(open), all.indexOf(close) + close.length());
  }
}
