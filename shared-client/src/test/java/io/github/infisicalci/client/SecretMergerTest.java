package io.github.infisicalci.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.Secret.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMergerTest {
  private static Map<String, Secret> merge(String json) throws Exception {
    return folder(json).secrets();
  }

  private static SecretMerger.Folder folder(String json) throws Exception {
    return SecretMerger.mergeFolder(Listing.parse(new ObjectMapper().readTree(json.replace('\'', '"')), RequestContext.none()), "dev", "/app");
  }

  private static String s(String key, String value, String type, String path) {
    return "{'secretKey':'" + key + "','secretValue':'" + value + "','type':'" + type + "','environment':'dev'"
        + (path == null ? "" : ",'secretPath':'" + path + "'") + "}";
  }

  @Test
  void localBeatsImported() throws Exception {
    Map<String, Secret> m = merge("{'secrets':[" + s("A", "local", "shared", "/app") + "],'imports':[{'environment':'prod',"
        + "'secretPath':'/shared','secrets':[" + s("A", "imported", "shared", null) + "," + s("B", "imp-b", "shared", null) + "]}]}");
    assertEquals("local", m.get("A").value().reveal());
    assertEquals(Origin.LOCAL, m.get("A").origin());
    assertEquals("imp-b", m.get("B").value().reveal());
    assertEquals(Origin.IMPORTED, m.get("B").origin());
    assertEquals("prod", m.get("B").environment());
    assertEquals("/shared", m.get("B").secretPath());
  }

  @Test
  void laterImportBeatsEarlierAndFirstOccurrenceWinsWithinAnEntry() throws Exception {
    Map<String, Secret> m = merge("{'secrets':[],'imports':["
        + "{'environment':'dev','secretPath':'/first','secrets':[" + s("K", "first", "shared", null) + "," + s("J", "j1", "shared", null) + "]},"
        + "{'environment':'dev','secretPath':'/second','secrets':[" + s("K", "second", "shared", null) + ","
        + s("K", "second-nested", "shared", null) + "]}]}");
    assertEquals("second", m.get("K").value().reveal());
    assertEquals("/second", m.get("K").secretPath());
    assertEquals("j1", m.get("J").value().reveal());
  }

  @Test
  void personalBeatsSharedWhateverTheOrder() throws Exception {
    Map<String, Secret> m = merge("{'secrets':[" + s("P", "mine", "personal", "/app") + "," + s("P", "team", "shared", "/app")
        + "," + s("Q", "team-q", "shared", "/app") + "," + s("Q", "mine-q", "personal", "/app") + "]}");
    assertEquals("mine", m.get("P").value().reveal());
    assertEquals(Origin.PERSONAL, m.get("P").origin());
    assertEquals("mine-q", m.get("Q").value().reveal());
  }

  @Test
  void recursiveResultsKeepTheirPathAndTheDeepestFolderWinsWhateverTheOrder() throws Exception {
    List<String> rows = List.of(s("X", "top", "shared", "/app"), s("X", "deep", "shared", "/app/sub"),
        s("Y", "y", "shared", "/app/sub/deeper"), s("Z", "z-b", "shared", "/app/b"), s("Z", "z-a", "shared", "/app/a"));
    List<String> reversed = new java.util.ArrayList<>(rows);
    java.util.Collections.reverse(reversed);
    for (List<String> order : List.of(rows, reversed)) {
      SecretMerger.Folder f = folder("{'secrets':[" + String.join(",", order) + "]}");
      Map<String, Secret> m = f.secrets();
      assertEquals("deep", m.get("X").value().reveal());
      assertEquals("/app/sub", m.get("X").secretPath());
      assertEquals("/app/sub/deeper", m.get("Y").secretPath());
      assertEquals("z-b", m.get("Z").value().reveal(), "equal depth: the path that sorts last wins");
      assertEquals(Map.of("X", List.of("/app"), "Z", List.of("/app/a")), f.shadowed());
    }
  }

  @Test
  void shadowedFoldersAreReportedAsCollisions() throws Exception {
    SecretMerger.Folder app = folder("{'secrets':[" + s("X", "deep", "shared", "/app/sub") + "," + s("X", "top", "shared", "/app")
        + "]}");
    Secret root = new Secret("X", SecretValue.of("root"), "dev", "/", Origin.LOCAL);
    SecretMerger.Merged one = SecretMerger.mergePaths(List.of("/app"), List.of(app));
    assertEquals(List.of(new io.github.infisicalci.client.secrets.Collision("X", "/app/sub", List.of("/app"))), one.collisions());
    SecretMerger.Merged two = SecretMerger.mergePaths(List.of("/", "/app"), List.of(new SecretMerger.Folder(Map.of("X", root)), app));
    assertEquals("deep", two.secrets().get(0).value().reveal());
    assertEquals(List.of(new io.github.infisicalci.client.secrets.Collision("X", "/app/sub", List.of("/", "/app"))),
        two.collisions());
  }

  @Test
  void missingPathDefaultsToTheRequestedOne() throws Exception {
    Map<String, Secret> m = merge("{'secrets':[" + s("A", "1", "shared", null) + "]}");
    assertEquals("/app", m.get("A").secretPath());
  }

  @Test
  void pathsMergeWithCollisionReport() {
    Secret a1 = new Secret("A", SecretValue.of("1"), "dev", "/", Origin.LOCAL);
    Secret a2 = new Secret("A", SecretValue.of("2"), "dev", "/x", Origin.LOCAL);
    Secret b = new Secret("B", SecretValue.of("b"), "dev", "/x", Origin.LOCAL);
    SecretMerger.Merged m = SecretMerger.mergePaths(List.of("/", "/x"),
        List.of(new SecretMerger.Folder(Map.of("A", a1)), new SecretMerger.Folder(Map.of("A", a2, "B", b))));
    assertEquals(List.of(a2, b), m.secrets());
    assertEquals(1, m.collisions().size());
    assertEquals("/x", m.collisions().get(0).winningPath());
    assertEquals(List.of("/"), m.collisions().get(0).losingPaths());
  }

  @Test
  void folderPrecedenceIsDepthThenPath() {
    java.util.Comparator<String> combinators = java.util.Comparator
        .comparingInt((String p) -> (int) p.chars().filter(c -> c == '/').count() - (p.equals("/") ? 1 : 0))
        .thenComparing(java.util.Comparator.naturalOrder());
    List<String> paths = List.of("/", "/a", "/b", "/a/b", "/a/a", "/b/a/c", "/z", "/a/b/c/d", "/A", "/a-b");
    for (String x : paths) {
      for (String y : paths) {
        assertEquals(Integer.signum(combinators.compare(x, y)),
            Integer.signum(SecretMerger.FOLDER_PRECEDENCE.compare(x, y)), x + " vs " + y);
      }
    }
  }
}
