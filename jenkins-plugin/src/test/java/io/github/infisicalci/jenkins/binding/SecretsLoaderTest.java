package io.github.infisicalci.jenkins.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.client.secrets.SecretsResult;
import io.github.infisicalci.export.ExportEntry;
import io.github.infisicalci.export.ExportException;
import io.github.infisicalci.export.KeySelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SecretsLoaderTest {
  /** Folder path → key → value, as a fake server would hold them. */
  private final Map<String, Map<String, String>> folders = new LinkedHashMap<>();
  private final List<SecretsRequest> requests = new ArrayList<>();

  private final SecretsLoader.Fetcher fetcher = request -> {
    requests.add(request);
    Map<String, Secret> merged = new LinkedHashMap<>();
    List<Collision> collisions = new ArrayList<>();
    for (String path : request.paths()) {
      folders.getOrDefault(path, Map.of()).forEach((k, v) -> {
        Secret old = merged.remove(k);
        if (old != null) {
          collisions.add(new Collision(k, path, List.of(old.secretPath())));
        }
        merged.put(k, new Secret(k, SecretValue.of(v), request.environment(), path, Secret.Origin.LOCAL));
      });
    }
    return new SecretsResult("proj-id", request.environment(), List.copyOf(merged.values()), collisions);
  };

  private final SecretsLoader loader = new SecretsLoader(fetcher, SecretsLoader.policy(List.of()));

  private static Map<String, String> values(SecretsLoader.Loaded loaded) {
    return loaded.entries().stream().collect(Collectors.toMap(ExportEntry::name, e -> e.value().reveal(),
        (a, b) -> b, LinkedHashMap::new));
  }

  @Test
  void buildsOneRequestPerGroupWithTheBlocksFlags() {
    folders.put("/", Map.of("A", "1"));
    loader.load(ProjectRef.slug("shop"), "shop", "prod", List.of(
        new FetchGroup(List.of("/", "/db"), true, false, KeySelection.all()),
        new FetchGroup(List.of("/"), false, true, KeySelection.all())));

    assertEquals(2, requests.size());
    SecretsRequest first = requests.get(0);
    assertEquals(ProjectRef.slug("shop"), first.project());
    assertEquals("prod", first.environment());
    assertEquals(List.of("/", "/db"), first.paths());
    assertTrue(first.recursive());
    assertFalse(first.includeImports());
    assertFalse(requests.get(1).recursive());
    assertTrue(requests.get(1).includeImports());
  }

  @Test
  void keysSelectAndRenameByGlobAndAProtectedMatchIsSkipped() {
    folders.put("/", Map.of("DATABASE_URL", "postgres://db", "DATABASE_PATH", "/var/db",
        "STRIPE_KEY", "sk_live_1", "OTHER", "x"));
    SecretsLoader.Loaded loaded = loader.load(ProjectRef.slug("shop"), "shop", "dev", List.of(
        new FetchGroup(List.of("/"), false, true, KeySelection.parse("DATABASE_*\nSTRIPE_*=PAYMENTS_*\nFEATURE_*?"))));

    assertEquals(Map.of("DATABASE_URL", "postgres://db", "DATABASE_PATH", "/var/db", "PAYMENTS_KEY", "sk_live_1"),
        values(loaded));

    assertThrows(RuntimeException.class, () -> loader.load(ProjectRef.slug("shop"), "shop", "dev", List.of(
        new FetchGroup(List.of("/"), false, true, KeySelection.parse("FEATURE_*")))),
        "a glob matching nothing fails unless marked optional");

    folders.put("/", Map.of("LD_PRELOAD", "/tmp/evil.so", "LD_OK_NAME", "v", "LDAP_URL", "ldap://x"));
    SecretsLoader.Loaded skipped = loader.load(ProjectRef.slug("shop"), "shop", "dev", List.of(
        new FetchGroup(List.of("/"), false, true, KeySelection.parse("LD*"))));
    assertFalse(values(skipped).containsKey("LD_PRELOAD"), "a protected name matched by a glob is skipped");
    assertTrue(values(skipped).containsKey("LDAP_URL"));
  }

  @Test
  void selectsAndRenamesKeys() {
    folders.put("/", Map.of("DB_PASSWORD", "pw-123", "stripe-key", "sk_live_1", "UNUSED", "x"));
    SecretsLoader.Loaded loaded = loader.load(ProjectRef.slug("shop"), "shop", "dev", List.of(
        new FetchGroup(List.of("/"), false, true, KeySelection.parse("DB_PASSWORD\nstripe-key=STRIPE_KEY"))));

    assertEquals(Map.of("DB_PASSWORD", "pw-123", "STRIPE_KEY", "sk_live_1"), values(loaded));
    assertEquals(List.of("DB_PASSWORD", "STRIPE_KEY"), loaded.names());
    assertEquals(List.of("DB_PASSWORD", "STRIPE_KEY"), loaded.groups().get(0).names());
  }

  @Test
  void everyMissingRequiredKeyOfEveryGroupIsReportedAtOnce() {
    folders.put("/", Map.of("A", "1"));
    folders.put("/db", Map.of("B", "2"));
    BlockException e = assertThrows(BlockException.class, () -> loader.load(ProjectRef.slug("shop"), "shop", "prod",
        List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("A\nMISSING_ONE\nMISSING_TWO")),
            new FetchGroup(List.of("/db"), false, true, KeySelection.parse("B\nMISSING_THREE")))));

    String m = e.getMessage();
    assertTrue(m.contains("MISSING_ONE, MISSING_TWO"), m);
    assertTrue(m.contains("MISSING_THREE"), m);
    assertTrue(m.contains("'shop'") && m.contains("'prod'") && m.contains("'/db'"), m);
    assertFalse(m.contains("1") && m.contains("2") && m.contains("value"), m);
  }

  @Test
  void optionalMissingKeysAreSkippedWithANote() {
    folders.put("/", Map.of("A", "1"));
    SecretsLoader.Loaded loaded = loader.load(ProjectRef.slug("p"), "p", "dev",
        List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("A\nSENTRY_DSN?"))));
    assertEquals(Map.of("A", "1"), values(loaded));
    assertTrue(loaded.notes().get(0).contains("SENTRY_DSN"), loaded.notes().toString());
  }

  @Test
  void aLaterGroupOverridesAnEarlierNameAndSaysSo() {
    folders.put("/", Map.of("TOKEN", "from-root"));
    folders.put("/ci", Map.of("TOKEN", "from-ci"));
    SecretsLoader.Loaded loaded = loader.load(ProjectRef.slug("p"), "p", "dev", List.of(
        new FetchGroup(List.of("/"), false, true, KeySelection.all()),
        new FetchGroup(List.of("/ci"), false, true, KeySelection.all())));
    assertEquals(Map.of("TOKEN", "from-ci"), values(loaded));
    assertTrue(loaded.notes().stream().anyMatch(n -> n.contains("TOKEN") && n.contains("/ci")), loaded.notes().toString());
  }

  @Test
  void keysFoundInSeveralPathsOfOneGroupAreNoted() {
    folders.put("/", Map.of("API", "root"));
    folders.put("/ci", Map.of("API", "ci"));
    SecretsLoader.Loaded loaded = loader.load(ProjectRef.slug("p"), "p", "dev",
        List.of(new FetchGroup(List.of("/", "/ci"), false, true, KeySelection.all())));
    assertEquals(Map.of("API", "ci"), values(loaded));
    assertEquals(List.of("Key API exists in / and /ci; the value from /ci is used"), loaded.notes());
  }

  /** Every key exported: a protected name is skipped with a warning naming allowedNames, never a failed block. */
  @Test
  void selectAllSkipsProtectedNamesWithAWarning() {
    folders.put("/", Map.of("PATH", "/evil", "LD_PRELOAD", "x.so", "stripe-key", "sk_1", "GITHUB_TOKEN", "ghp_1",
        "DB_PASSWORD", "pw"));
    SecretsLoader.Loaded loaded = loader.load(ProjectRef.slug("p"), "p", "dev",
        List.of(new FetchGroup(List.of("/"), false, true, KeySelection.all())));
    assertEquals(Map.of("stripe-key", "sk_1", "GITHUB_TOKEN", "ghp_1", "DB_PASSWORD", "pw"), values(loaded),
        "GITHUB_* is the GitHub runner's, not protected in Jenkins; stripe-key is carried under its own name");
    List<String> warnings = loaded.groups().get(0).warnings();
    assertTrue(warnings.stream().anyMatch(w -> w.contains("'PATH'") && w.contains("allowedNames")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("'LD_PRELOAD'") && w.contains("allowedNames")),
        warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.contains("stripe-key") && w.contains("shells")), warnings.toString());
    assertFalse(warnings.toString().contains("/evil") || warnings.toString().contains("x.so"), warnings.toString());
  }

  /** Selected explicitly: a protected name fails the block with a message naming the option. */
  @Test
  void anExplicitlySelectedProtectedNameFailsNamingTheOption() {
    folders.put("/", Map.of("PATH", "/evil", "DB_PASSWORD", "pw"));
    ExportException e = assertThrows(ExportException.class, () -> loader.load(ProjectRef.slug("p"), "p", "dev",
        List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("DB_PASSWORD\nPATH")))));
    assertTrue(e.getMessage().contains("'PATH'") && e.getMessage().contains("allowedNames"), e.getMessage());
    assertFalse(e.getMessage().contains("/evil"), e.getMessage());
    // Jenkins' EnvVars would read PATH+X as "prepend to PATH": never a name, even renamed explicitly
    ExportException plus = assertThrows(ExportException.class, () -> loader.load(ProjectRef.slug("p"), "p", "dev",
        List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("DB_PASSWORD=PATH+X")))));
    assertTrue(plus.getMessage().contains("PATH+X"), plus.getMessage());
  }

  @Test
  void allowedNamesLetAProtectedNameThrough() {
    folders.put("/", Map.of("PATH", "/opt/tool/bin"));
    SecretsLoader.Loaded loaded = new SecretsLoader(fetcher, SecretsLoader.policy(List.of("PATH")))
        .load(ProjectRef.slug("p"), "p", "dev", List.of(new FetchGroup(List.of("/"), false, true, KeySelection.parse("PATH"))));
    assertEquals(Map.of("PATH", "/opt/tool/bin"), values(loaded));
  }

  @Test
  void caseCollisionsAcrossGroupsAreRefused() {
    folders.put("/a", Map.of("Token", "1"));
    folders.put("/b", Map.of("TOKEN", "2"));
    BlockException e = assertThrows(BlockException.class, () -> loader.load(ProjectRef.slug("p"), "p", "dev", List.of(
        new FetchGroup(List.of("/a"), false, true, KeySelection.all()),
        new FetchGroup(List.of("/b"), false, true, KeySelection.all()))));
    assertTrue(e.getMessage().contains("differ only by case"), e.getMessage());
  }

  /** Both front ends unset a variable with an empty value; the log says which (names only). */
  @Test
  void emptyValuesAreNamedInTheLog() {
    folders.put("/", Map.of("EMPTY_ONE", "", "SET_ONE", "x-value"));
    SecretsLoader.Loaded loaded = loader.load(ProjectRef.slug("shop"), "shop", "dev",
        List.of(new FetchGroup(List.of("/"), false, true, KeySelection.all())));
    assertTrue(loaded.notes().contains(SecretsLoader.EMPTY_VALUES_NOTE + "EMPTY_ONE"), loaded.notes().toString());
    assertFalse(loaded.notes().toString().contains("x-value"));
  }
}
