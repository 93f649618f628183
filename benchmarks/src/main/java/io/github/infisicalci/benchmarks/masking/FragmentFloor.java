package io.github.infisicalci.benchmarks.masking;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * How often the Base64 fragments of short secrets occur by chance in log text, by fragment length: the
 * measurement behind the masker's fragment floor. Secrets: random strings of 3 to 10 characters drawn
 * from letters and digits (as passwords and PINs) and from lower-case words (as weak passwords); for each,
 * its secret-only standard Base64 run at the three byte alignments. The corpus is the generated build log
 * plus any files given (real CI logs). Prints, per length, the fragments tried and the mean number of
 * chance occurrences of one fragment per MB of corpus.
 */
final class FragmentFloor {
  private static final String[] SYLLABLES = {"han", "d", "er", "in", "pass", "word", "test", "ad", "min",
      "ro", "ot", "se", "cret", "dev", "ops", "ci", "build", "to", "ken", "a", "e", "o"};

  private FragmentFloor() {}

  static void run(List<Path> files) throws IOException {
    List<byte[]> corpus = new ArrayList<>();
    corpus.add(BuildLogGenerator.generate(20_000_000L, BenchmarkSecrets.realistic(100, 1), 3));
    for (Path f : files) {
      corpus.add(Files.readAllBytes(f));
    }
    Random rnd = new Random(5);
    List<Set<String>> byLength = new ArrayList<>();
    for (int f = 0; f <= 10; f++) {
      byLength.add(new HashSet<>());
    }
    for (int i = 0; i < 20_000; i++) {
      String secret = i % 2 == 0
          ? BenchmarkSecrets.random(rnd, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 3 + rnd.nextInt(8))
          : word(rnd);
      byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
      for (int a = 0; a < 3; a++) {
        byte[] data = new byte[a + raw.length];
        System.arraycopy(raw, 0, data, a, raw.length);
        String enc = Base64.getEncoder().withoutPadding().encodeToString(data);
        int first = (8 * a + 5) / 6;
        int end = (8 * (a + raw.length)) / 6;
        if (end - first >= 3 && end - first <= 10) {
          byLength.get(end - first).add(enc.substring(first, end));
        }
      }
    }
    report("generated", corpus.subList(0, 1), byLength);
    if (corpus.size() > 1) {
      report("files", corpus.subList(1, corpus.size()), byLength);
    }
  }

  private static void report(String name, List<byte[]> corpus, List<Set<String>> byLength) {
    long bytes = corpus.stream().mapToLong(c -> c.length).sum();
    System.out.printf(Locale.ROOT, "fragment-floor corpus=%s corpus_mb=%.1f%n", name, bytes / 1e6);
    for (int f = 3; f <= 10; f++) {
      Set<String> fragments = byLength.get(f);
      if (fragments.isEmpty()) {
        continue;
      }
      long hits = 0;
      Set<String> seen = new HashSet<>();
      for (byte[] c : corpus) {
        String text = new String(c, StandardCharsets.ISO_8859_1);
        for (int i = 0; i + f <= text.length(); i++) {
          String s = text.substring(i, i + f);
          if (fragments.contains(s)) {
            hits++;
            seen.add(s);
          }
        }
      }
      System.out.printf(Locale.ROOT,
          "fragment-floor corpus=%s length=%d fragments=%d occurring=%d hits_per_fragment_per_mb=%.6f%n",
          name, f, fragments.size(), seen.size(), hits / (double) fragments.size() / (bytes / 1e6));
    }
  }

  private static String word(Random rnd) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 3 + rnd.nextInt(6)) {
      sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
    }
    return sb.toString();
  }
}
