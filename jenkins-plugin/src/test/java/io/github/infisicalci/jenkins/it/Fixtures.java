package io.github.infisicalci.jenkins.it;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import io.github.infisicalci.jenkins.config.InfisicalGlobalConfiguration;
import io.github.infisicalci.jenkins.credentials.InfisicalUniversalAuthCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * The world the JenkinsRule tests share: one seeded dev server project, the credentials that log in to it,
 * and helpers that look for secret values where they must never be.
 */
final class Fixtures {
  static final String PROJECT = "web-app";
  static final String CLIENT_ID = "ci-client-id-4711";
  static final String CLIENT_SECRET = "ci-client-secret-Tj93Lw";
  static final String SERVICE_TOKEN = "st.svc-id-1.svcSecretQm27";

  /** Credentials ids. */
  static final String UNIVERSAL_AUTH = "infisical-ua";
  static final String SERVICE_TOKEN_TEXT = "infisical-st";

  // dev, folder "/"
  static final String DB_USER = "app_user_7f3k";
  static final String DB_PASSWORD = "pw-Hq9xV2rT-dev";
  static final String API_TOKEN = "tok_ZX81q7Lm0w";
  /** Reaches processes unchanged: Pipeline must not expand "$HOME" or fold "$$". */
  static final String DOLLAR_VALUE = "pa$$word$HOME-x";
  static final String MULTI_LINE = "first-line-Kx81\nsecond-line-Pq42\nthird-line-Zr63";
  // dev, folder "/database"
  static final String DB_URL = "postgres://db.internal:5432/app-Hn3w";
  // prod, folder "/"
  static final String PROD_PASSWORD = "prod-pw-Wm4zz";

  private Fixtures() {
  }

  static Seed seed() {
    return Seed.builder()
        .project(PROJECT, p -> p
            .secret("dev", "/", "DB_USER", DB_USER)
            .secret("dev", "/", "DB_PASSWORD", DB_PASSWORD)
            .secret("dev", "/", "API_TOKEN", API_TOKEN)
            .secret("dev", "/", "DOLLAR_VALUE", DOLLAR_VALUE)
            .secret("dev", "/", "MULTI_LINE", MULTI_LINE)
            .secret("dev", "/database", "URL", DB_URL)
            .secret("prod", "/", "DB_PASSWORD", PROD_PASSWORD))
        .universalAuthIdentity("ci", CLIENT_ID, CLIENT_SECRET, PROJECT)
        .serviceToken(SERVICE_TOKEN, t -> t.project(PROJECT).scope("dev", "/**"))
        .build();
  }

  /** Every text that must never be stored or printed: values, each line of the multi-line one, logins. */
  static List<String> forbiddenTexts() {
    List<String> all = new ArrayList<>(List.of(DB_USER, DB_PASSWORD, API_TOKEN, DOLLAR_VALUE, DB_URL,
        PROD_PASSWORD, CLIENT_SECRET, SERVICE_TOKEN));
    all.addAll(List.of(MULTI_LINE.split("\n")));
    return all;
  }

  /** Both kinds of credentials, in the global store. */
  static void addCredentials(Jenkins jenkins) throws IOException {
    add(jenkins, new InfisicalUniversalAuthCredentials(CredentialsScope.GLOBAL, UNIVERSAL_AUTH,
        "CI identity", CLIENT_ID, Secret.fromString(CLIENT_SECRET)));
    add(jenkins, new StringCredentialsImpl(CredentialsScope.GLOBAL, SERVICE_TOKEN_TEXT, "legacy service token",
        Secret.fromString(SERVICE_TOKEN)));
  }

  static void add(Jenkins jenkins, Credentials c) throws IOException {
    CredentialsProvider.lookupStores(jenkins).iterator().next().addCredentials(Domain.global(), c);
  }

  /** Global defaults: only the server URL, so that every test names its own project and environment. */
  static void pointAt(DevServer server) {
    InfisicalGlobalConfiguration global = InfisicalGlobalConfiguration.get();
    global.setServerUrl(server.url());
    global.setCredentialsId(null);
    global.setProjectId(null);
    global.setProjectSlug(null);
    global.setEnvironment(null);
  }

  /** The text with its characters in reverse order: what `rev` prints, which no masker looks for. */
  static String reversed(String text) {
    return new StringBuilder(text).reverse().toString();
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Files under {@code dir} (relative names) whose bytes contain {@code text} in UTF-8. */
  static TreeSet<String> filesContaining(Path dir, String text) throws IOException {
    return filesContaining(dir, text, Integer.MAX_VALUE);
  }

  /** As {@link #filesContaining(Path, String)}, at most {@code maxDepth} levels down (1: the files of dir). */
  static TreeSet<String> filesContaining(Path dir, String text, int maxDepth) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    TreeSet<String> hits = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return hits;
    }
    try (Stream<Path> files = Files.walk(dir, maxDepth)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] content;
        try {
          content = Files.readAllBytes(f);
        } catch (IOException gone) {
          continue; // a temporary file removed while walking
        }
        if (indexOf(content, needle) >= 0) {
          hits.add(dir.relativize(f).toString());
        }
      }
    }
    return hits;
  }

  /** For each forbidden text found, "text-name: files"; empty when {@code dir} holds none of them. */
  static List<String> leaksUnder(Path dir) throws IOException {
    return leaksUnder(dir, Integer.MAX_VALUE);
  }

  /** As {@link #leaksUnder(Path)}, at most {@code maxDepth} levels down. */
  static List<String> leaksUnder(Path dir, int maxDepth) throws IOException {
    List<String> leaks = new ArrayList<>();
    for (String secret : forbiddenTexts()) {
      TreeSet<String> hits = filesContaining(dir, secret, maxDepth);
      if (!hits.isEmpty()) {
        // Name the value by length only: the report itself must not print it.
        leaks.add("a secret of " + secret.length() + " characters in " + hits);
      }
    }
    return leaks;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (haystack[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Asserts that every console note (the hidden, encoded markup Jenkins embeds in logs) is still whole:
   * {@code Run.getLog()} strips whole notes, so a note the masking cut apart would show its escape
   * sequence or encoded preamble in the plain text.
   */
  static void assertConsoleNotesIntact(String plainLog) {
    if (plainLog.contains("\u001B[8m") || plainLog.contains("ha:////") || plainLog.contains("\u001B[0m")) {
      throw new AssertionError("a console note was corrupted by the masking");
    }
  }

  /** Asserts that the log holds none of the forbidden texts (nor their base64 forms). */
  static void assertLogHoldsNoSecret(String log) {
    for (String secret : forbiddenTexts()) {
      if (log.contains(secret) || log.contains(base64(secret))) {
        throw new AssertionError("the console log holds a secret of " + secret.length() + " characters");
      }
    }
  }
}
