package io.github.infisicalci.jenkins.it;

import static io.github.infisicalci.jenkins.it.Fixtures.PROJECT;
import static io.github.infisicalci.jenkins.it.Fixtures.SERVICE_TOKEN_TEXT;
import static io.github.infisicalci.jenkins.it.Fixtures.UNIVERSAL_AUTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.hudson.plugins.folder.Folder;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.jenkins.binding.InfisicalBuildWrapper;
import io.github.infisicalci.jenkins.binding.InfisicalConnection;
import io.github.infisicalci.jenkins.config.InfisicalFolderProperty;
import io.github.infisicalci.jenkins.config.InfisicalGlobalConfiguration;
import io.github.infisicalci.jenkins.pipeline.WithInfisicalStep;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Every form method of the four forms (Pipeline step, build wrapper, folder defaults, global configuration), called over
 * HTTP as the browser does: a user who may configure gets answers (the control), a user who may only read
 * learns nothing, and causes no request to the Infisical server. None of them answers GET.
 */
@WithJenkins
class FormPermissionsTest {
  private static final String WRAPPER = "job/team/job/app/descriptorByName/" + InfisicalBuildWrapper.class.getName();
  private static final String STEP = "job/team/job/app/descriptorByName/" + WithInfisicalStep.class.getName();
  private static final String FOLDER = "job/team/descriptorByName/" + InfisicalFolderProperty.class.getName();
  private static final String GLOBAL = "descriptorByName/" + InfisicalGlobalConfiguration.class.getName();
  private static final String CONNECTION = "job/team/job/app/descriptorByName/" + InfisicalConnection.class.getName();

  private static DevServer server;

  private JenkinsRule j;

  @BeforeAll
  static void startServer() {
    server = DevServer.start(Fixtures.seed());
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void setUp(JenkinsRule rule) throws Exception {
    j = rule;
    Fixtures.addCredentials(j.jenkins);
    Fixtures.pointAt(server);
    Folder team = j.jenkins.createProject(Folder.class, "team");
    team.createProject(FreeStyleProject.class, "app");
    j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
    j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
        .grant(Jenkins.ADMINISTER).everywhere().to("admin")
        .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer")
        .grant(Jenkins.READ, Item.READ).everywhere().to("reader"));
    server.calls().clear();
  }

  // ---- item-scoped forms: build wrapper and folder property -------------------------------------

  @Test
  void wrapperFormMethods() throws Exception {
    blockFormMethods(WRAPPER);
  }

  @Test
  void pipelineStepFormMethods() throws Exception {
    blockFormMethods(STEP);
  }

  /** The block forms (step, wrapper) also check key rules and paths. */
  private void blockFormMethods(String base) throws Exception {
    itemScopedFormMethods(base, "configurer", "reader");
    server.calls().clear();
    assertSilent(post("reader", base + "/checkKeys", Map.of("value", "DB_PASSWORD=PATH")));
    assertSilent(post("reader", base + "/checkPaths", Map.of("value", "/a/../b")));
    assertError(post("configurer", base + "/checkKeys", Map.of("value", "DB_PASSWORD=PATH")));
    assertError(post("configurer", base + "/checkPaths", Map.of("value", "/a/../b")));
    assertEquals(0, server.calls().all().size(), "form checks make no outbound call");
  }

  @Test
  void folderFormMethods() throws Exception {
    itemScopedFormMethods(FOLDER, "configurer", "reader");
  }

  private void itemScopedFormMethods(String base, String allowed, String denied) throws Exception {
    Map<String, String> fill = Map.of("serverUrl", server.url(), "credentialsId", "");
    Map<String, String> connection = Map.of("serverUrl", server.url(), "credentialsId", UNIVERSAL_AUTH,
        "projectId", "", "projectSlug", PROJECT, "environment", "dev");

    // The reader first: every method, nothing learned, not one request to the server.
    server.calls().clear();
    Reply hidden = post(denied, base + "/fillCredentialsIdItems", fill);
    assertFalse(hidden.body().contains(UNIVERSAL_AUTH) || hidden.body().contains(SERVICE_TOKEN_TEXT),
        "a reader must not see credential ids");
    for (Map.Entry<String, String> check : BAD_VALUES.entrySet()) {
      assertSilent(post(denied, base + "/" + check.getKey(), Map.of("value", check.getValue())));
    }
    assertSilent(post(denied, base + "/testConnection", connection));
    assertEquals(0, server.calls().all().size(), "a reader's form calls must not reach the server");

    // The control: the configurer gets answers, and test connection reaches the server.
    Reply shown = post(allowed, base + "/fillCredentialsIdItems", fill);
    assertEquals(200, shown.status());
    assertTrue(shown.body().contains(UNIVERSAL_AUTH) && shown.body().contains(SERVICE_TOKEN_TEXT), shown.body());
    for (Map.Entry<String, String> check : BAD_VALUES.entrySet()) {
      assertError(post(allowed, base + "/" + check.getKey(), Map.of("value", check.getValue())));
    }
    assertEquals(0, server.calls().all().size(), "syntax checks make no outbound call");
    Reply ok = post(allowed, base + "/testConnection", connection);
    assertEquals(200, ok.status(), ok.body());
    assertTrue(ok.body().contains("class=\"ok\""), ok.body());
    assertTrue(server.calls().all().size() > 0, "the configurer's test connection reached the server");

    refuseGet(base);
  }

  /** The official syntax's credentials drop-down ({@code configuration: [infisicalCredentialId: ...]}). */
  @Test
  void officialSyntaxCredentialDropDown() throws Exception {
    Map<String, String> fill = Map.of("infisicalUrl", server.url(), "infisicalCredentialId", "");
    server.calls().clear();
    Reply hidden = post("reader", CONNECTION + "/fillInfisicalCredentialIdItems", fill);
    assertFalse(hidden.body().contains(UNIVERSAL_AUTH) || hidden.body().contains(SERVICE_TOKEN_TEXT),
        "a reader must not see credential ids");
    Reply shown = post("configurer", CONNECTION + "/fillInfisicalCredentialIdItems", fill);
    assertEquals(200, shown.status());
    assertTrue(shown.body().contains(UNIVERSAL_AUTH) && shown.body().contains(SERVICE_TOKEN_TEXT), shown.body());
    assertEquals(0, server.calls().all().size(), "listing credentials makes no outbound call");

    JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
    WebResponse get = wc.loadWebResponse(new WebRequest(new URL(j.getURL(), CONNECTION
        + "/fillInfisicalCredentialIdItems?infisicalUrl=" + server.url()), HttpMethod.GET));
    assertTrue(get.getStatusCode() >= 400, "answered GET with " + get.getStatusCode());
  }

  // ---- global configuration ---------------------------------------------------------------------

  @Test
  void globalFormMethods() throws Exception {
    Reply fill = post("admin", GLOBAL + "/fillCredentialsIdItems", Map.of("serverUrl", server.url(), "credentialsId", ""));
    assertTrue(fill.body().contains(UNIVERSAL_AUTH), fill.body());
    // Item/CONFIGURE is not enough for the global form.
    for (String user : List.of("configurer", "reader")) {
      Reply hidden = post(user, GLOBAL + "/fillCredentialsIdItems", Map.of("serverUrl", server.url(), "credentialsId", ""));
      assertFalse(hidden.body().contains(UNIVERSAL_AUTH) || hidden.body().contains(SERVICE_TOKEN_TEXT), user);
    }
    syntaxChecks(GLOBAL, "admin", "configurer");

    Map<String, String> connection = Map.of("serverUrl", server.url(), "credentialsId", UNIVERSAL_AUTH,
        "projectId", "", "projectSlug", PROJECT, "environment", "dev", "connectTimeoutSeconds", "0",
        "readTimeoutSeconds", "0", "caCertificate", "", "useJenkinsProxy", "false");
    server.calls().clear();
    assertSilent(post("configurer", GLOBAL + "/testConnection", connection));
    assertEquals(0, server.calls().all().size(), "a non-admin's test connection must not reach the server");
    Reply ok = post("admin", GLOBAL + "/testConnection", connection);
    assertTrue(ok.body().contains("class=\"ok\""), ok.body());
    assertTrue(server.calls().all().size() > 0);

    refuseGet(GLOBAL);
  }

  @Test
  void wrongSecretIsReportedWithoutEchoingIt() throws Exception {
    Fixtures.add(j.jenkins, new io.github.infisicalci.jenkins.credentials.InfisicalUniversalAuthCredentials(
        com.cloudbees.plugins.credentials.CredentialsScope.GLOBAL, "wrong", "wrong secret", Fixtures.CLIENT_ID,
        hudson.util.Secret.fromString("wrong-secret-Zq81Lk")));
    Reply r = post("configurer", WRAPPER + "/testConnection", Map.of("serverUrl", server.url(),
        "credentialsId", "wrong", "projectId", "", "projectSlug", PROJECT, "environment", "dev"));
    assertTrue(r.body().contains("class=\"error\""), r.body());
    assertFalse(r.body().contains("wrong-secret-Zq81Lk"), "the error must not echo the client secret");
    assertFalse(r.body().contains("\tat "), "no stack trace");
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** The four syntax checks every form has, each with a value it must reject. */
  private static final Map<String, String> BAD_VALUES = Map.of(
      "checkServerUrl", "ftp://infisical.example.com",
      "checkProjectId", "bad id/x",
      "checkProjectSlug", "bad slug/x",
      "checkEnvironment", "bad env/x");

  private void syntaxChecks(String base, String allowed, String denied) throws Exception {
    for (Map.Entry<String, String> check : BAD_VALUES.entrySet()) {
      assertError(post(allowed, base + "/" + check.getKey(), Map.of("value", check.getValue())));
      assertSilent(post(denied, base + "/" + check.getKey(), Map.of("value", check.getValue())));
    }
  }

  /** {@code @POST} methods do not answer GET (Stapler routes past them: 404), so a link cannot trigger them. */
  private void refuseGet(String base) throws Exception {
    server.calls().clear();
    for (String method : List.of("fillCredentialsIdItems", "checkServerUrl", "testConnection")) {
      JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
      String query = "?serverUrl=" + server.url() + "&credentialsId=" + UNIVERSAL_AUTH + "&projectSlug=" + PROJECT
          + "&environment=dev&value=ftp://x";
      WebResponse r = wc.loadWebResponse(new WebRequest(new URL(j.getURL(), base + "/" + method + query),
          HttpMethod.GET));
      assertTrue(r.getStatusCode() >= 400, () -> method + " answered GET with " + r.getStatusCode());
      assertFalse(r.getContentAsString().contains("class=\"ok\""), method);
    }
    assertEquals(0, server.calls().all().size(), "GET must cause no outbound call");
  }

  private static void assertError(Reply r) {
    assertTrue(r.body().contains("class=\"error\""), () -> "expected a validation error, got " + r);
  }

  /** Nothing learned: refused (403), or an empty OK. */
  private static void assertSilent(Reply r) {
    boolean refused = r.status() == 403;
    boolean emptyOk = r.status() == 200 && !r.body().contains("class=\"error\"") && !r.body().contains("class=\"ok\"")
        && !r.body().contains("class=\"warning\"");
    assertTrue(refused || emptyOk, () -> "expected a refusal or an empty answer, got " + r);
  }

  private Reply post(String user, String path, Map<String, String> params) throws Exception {
    JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
    WebRequest request = new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST);
    List<NameValuePair> pairs = new ArrayList<>();
    params.forEach((k, v) -> pairs.add(new NameValuePair(k, v)));
    request.setRequestParameters(pairs);
    WebResponse response = wc.loadWebResponse(request);
    return new Reply(response.getStatusCode(), response.getContentAsString());
  }

  private record Reply(int status, String body) {
  }
}
