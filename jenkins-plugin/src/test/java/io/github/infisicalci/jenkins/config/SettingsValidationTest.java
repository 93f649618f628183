package io.github.infisicalci.jenkins.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {

  @Test
  void acceptsHttpsUrlsWithAndWithoutApiSuffix() {
    assertTrue(SettingsValidation.serverUrlProblem("https://app.infisical.com").isEmpty());
    assertTrue(SettingsValidation.serverUrlProblem("https://infisical.example.com:8443/api/").isEmpty());
    assertTrue(SettingsValidation.serverUrlProblem("http://127.0.0.1:8080").isEmpty());
  }

  @Test
  void rejectsUrlsNamingTheProblem() {
    assertTrue(SettingsValidation.serverUrlProblem("ftp://x").orElseThrow().contains("https://"));
    assertTrue(SettingsValidation.serverUrlProblem("https://user:pw@host").orElseThrow().contains("user name"));
    assertTrue(SettingsValidation.serverUrlProblem("https://host/?q=1").orElseThrow().contains("'?'"));
    assertTrue(SettingsValidation.serverUrlProblem("app.infisical.com").orElseThrow().startsWith("serverUrl"));
  }

  /** A password typed into the URL by mistake is never echoed, whatever else is wrong with the URL. */
  @Test
  void problemsNeverEchoAPasswordInTheUrl() {
    for (String url : List.of("ftp://user:s3cret-pw@host", "https://user:s3cret pw@host", "https://user:s3cret-pw@host",
        "htps://:s3cret-pw@host/path")) {
      String p = SettingsValidation.serverUrlProblem(url).orElseThrow();
      assertFalse(p.contains("s3cret"), p);
    }
    assertTrue(SettingsValidation.serverUrlProblem("ftp://user:s3cret-pw@host").orElseThrow()
        .contains("'ftp://****@host'"));
  }

  /** The shared rule (Printable.quote): a bidi override or a look-alike letter is shown, not rendered. */
  @Test
  void quotedValuesShowInvisibleAndLookAlikeCharacters() {
    String p = SettingsValidation.nameProblem("projectSlug", "sh\u202eop \u0430pp").orElseThrow();
    assertTrue(p.startsWith("projectSlug 'sh<U+202E>op <U+0430>pp' must be one word"), p);
    String long_ = SettingsValidation.nameProblem("projectSlug", "x".repeat(300) + "/").orElseThrow();
    assertFalse(long_.contains("x".repeat(201)), long_);
  }

  @Test
  void reportsEveryBadFieldByName() {
    InfisicalSettings s = TestSettings.builder().serverUrl("nope").projectSlug("my project")
        .environment("dev/x").caCertificate("not a pem").build();
    List<String> problems = SettingsValidation.problems(s);
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("serverUrl"));
    assertTrue(problems.get(1).startsWith("projectSlug 'my project'"));
    assertTrue(problems.get(2).startsWith("environment 'dev/x'"));
    assertTrue(problems.get(3).startsWith("caCertificate"));
  }

  @Test
  void controlCharactersArePrintedEscaped() {
    String p = SettingsValidation.nameProblem("environment", "de\u0007v").orElseThrow();
    assertTrue(p.contains("de<U+0007>v"), p); // the shared notation (Printable.quote), as in the action
  }

  @Test
  void validSettingsHaveNoProblems() {
    InfisicalSettings s = TestSettings.builder().serverUrl("https://x.example").projectId("6f1a-22")
        .environment("prod").credentialsId("infisical-ua").build();
    assertTrue(SettingsValidation.problems(s).isEmpty());
  }
}
