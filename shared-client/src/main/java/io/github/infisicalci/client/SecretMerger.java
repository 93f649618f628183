package io.github.infisicalci.client;

import io.github.infisicalci.client.secrets.Collision;
import io.github.infisicalci.client.secrets.Secret;
import io.github.infisicalci.client.secrets.Secret.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges listings the way the Infisical server and CLI do.
 *
 * <p>Within one folder: local secrets beat imported ones; among imports, a later import entry beats an
 * earlier one; within one import entry the first occurrence wins; a personal secret beats the shared
 * one. A recursive listing may hold one key in several folders (the server defines no precedence and its
 * order varies): the <b>deepest folder wins</b>, the most specific definition, as a later, more specific
 * requested path does; among folders of equal depth the one whose path sorts last wins. The answer's order
 * never matters, and the shadowed folders are reported like a collision of paths.
 * Across requested paths: a later path beats an earlier one and the clash is reported as a
 * {@link Collision}.
 */
final class SecretMerger {
  private SecretMerger() {
  }

  /**
   * One requested folder's merged secrets, and per key the folders of a recursive listing whose definition
   * lost to a deeper one (in precedence order, weakest first).
   */
  record Folder(Map<String, Secret> secrets, Map<String, List<String>> shadowed) {
    Folder(Map<String, Secret> secrets) {
      this(secrets, Map.of());
    }
  }

  /** Orders folders by precedence: shallower first, then by path; the last one wins. */
  static final Comparator<String> FOLDER_PRECEDENCE = new FolderPrecedence();

  /**
   * A plain comparator rather than {@code Comparator.comparingInt(..).thenComparing(..)}: the JDK spins
   * the combinators' own lambdas at run time (the AOT cache holds this class, not those), which costs the
   * action's start-up some 15-20 ms of class generation (benchmarks/startup).
   */
  private static final class FolderPrecedence implements Comparator<String> {
    @Override
    public int compare(String a, String b) {
      int byDepth = Integer.compare(depth(a), depth(b));
      return byDepth != 0 ? byDepth : a.compareTo(b);
    }

    private static int depth(String p) {
      int slashes = 0;
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) == '/') {
          slashes++;
        }
      }
      return slashes - (p.equals("/") ? 1 : 0);
    }
  }

  /** One folder's listing → key → secret. */
  static Folder mergeFolder(Listing listing, String environment, String path) {
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
    // local rows in precedence order (shallow folders first, shared before personal), so a later put wins
    List<Listing.Raw> local = new ArrayList<>(listing.secrets());
    local.sort((x, y) -> {
      int byFolder = FOLDER_PRECEDENCE.compare(trimSlash(or(x.secretPath(), path)), trimSlash(or(y.secretPath(), path)));
      return byFolder != 0 ? byFolder : Boolean.compare(x.personal(), y.personal());
    });
    Map<String, TreeSet<String>> folders = new HashMap<>();
    for (Listing.Raw s : local) {
      Origin origin = s.personal() ? Origin.PERSONAL : Origin.LOCAL;
      String folder = or(s.secretPath(), path);
      folders.computeIfAbsent(s.key(), k -> new TreeSet<>(FOLDER_PRECEDENCE)).add(trimSlash(folder));
      out.put(s.key(), new Secret(s.key(), s.value(), or(s.environment(), environment), folder, origin));
    }
    Map<String, List<String>> shadowed = new TreeMap<>();
    folders.forEach((key, where) -> {
      if (where.size() > 1) {
        List<String> losers = new ArrayList<>(where);
        losers.remove(losers.size() - 1);
        shadowed.put(key, losers);
      }
    });
    return new Folder(out, shadowed);
  }

  private static String trimSlash(String p) {
    String s = p;
    while (s.length() > 1 && s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Per-path results in request order → merged secrets (sorted by key) and collisions. */
  record Merged(List<Secret> secrets, List<Collision> collisions) {
  }

  /**
   * Merges the requested paths (request order). For each key, the places that define it are, path by path,
   * the folders a recursive listing shadowed and then the path itself (or, when its own listing had such
   * duplicates, the winning folder); the last place wins and every other one is reported as losing.
   */
  static Merged mergePaths(List<String> paths, List<Folder> perPath) {
    Map<String, Secret> merged = new TreeMap<>();
    Map<String, List<String>> where = new HashMap<>();
    for (int i = 0; i < paths.size(); i++) {
      Folder folder = perPath.get(i);
      for (Map.Entry<String, Secret> e : folder.secrets().entrySet()) {
        merged.put(e.getKey(), e.getValue());
        List<String> places = where.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        List<String> shadowed = folder.shadowed().getOrDefault(e.getKey(), List.of());
        places.addAll(shadowed);
        places.add(shadowed.isEmpty() ? paths.get(i) : trimSlash(e.getValue().secretPath()));
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
