package io.github.infisicalci.client;

import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.Secret.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges listings the way the Infisical server and CLI do.
 *
 * <p>Within one folder: local secrets beat imported ones; among imports, a later import entry beats an
 * earlier one; within one import entry the first occurrence wins; a personal secret beats the shared
 * one; among local secrets of a recursive listing the last one listed wins (each keeps its secretPath).
 * Across requested paths: a later path beats an earlier one and the clash is reported as a
 * {@link Collision}.
 */
final class SecretMerger {
  private SecretMerger() {
  }

  /** One folder's listing → key → secret. */
  static Map<String, Secret> mergeFolder(Listing listing, String environment, String path) {
    Map<String, Secret> out = new LinkedHashMap<>();
    List<Listing.ImportEntry> imports = listing.imports();
    for (int i = imports.size() - 1; i >= 0; i--) {
      Listing.ImportEntry entry = imports.get(i);
      for (Listing.Raw s : entry.secrets()) {
        if (s.personal()) {
          continue; // only shared secrets are imported
        }
        out.putIfAbsent(s.key(), new Secret(s.key(), s.value(), or(entry.environment(), environment),
            or(entry.secretPath(), path), Origin.IMPORTED));
      }
    }
    for (Listing.Raw s : listing.secrets()) {
      Origin origin = s.personal() ? Origin.PERSONAL : Origin.LOCAL;
      Secret existing = out.get(s.key());
      if (origin == Origin.LOCAL && existing != null && existing.origin() == Origin.PERSONAL) {
        continue;
      }
      out.put(s.key(), new Secret(s.key(), s.value(), or(s.environment(), environment), or(s.secretPath(), path), origin));
    }
    return out;
  }

  /** Per-path results in request order → merged secrets (sorted by key) and collisions. */
  record Merged(List<Secret> secrets, List<Collision> collisions) {
  }

  static Merged mergePaths(List<String> paths, List<Map<String, Secret>> perPath) {
    Map<String, Secret> merged = new TreeMap<>();
    Map<String, List<String>> where = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      for (Map.Entry<String, Secret> e : perPath.get(i).entrySet()) {
        merged.put(e.getKey(), e.getValue());
        where.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(paths.get(i));
      }
    }
    List<Collision> collisions = new ArrayList<>();
    for (String key : merged.keySet()) {
      List<String> found = where.get(key);
      if (found.size() > 1) {
        collisions.add(new Collision(key, found.get(found.size() - 1), found.subList(0, found.size() - 1)));
      }
    }
    return new Merged(new ArrayList<>(merged.values()), collisions);
  }

  private static String or(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
