package io.github.infisicalci.benchmarks.masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic secret values shaped like the tokens builds carry (the same list in every fork). */
final class BenchmarkSecrets {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String HEX = "0123456789abcdef";
  private static final String B64 = ALNUM + "+/";

  private BenchmarkSecrets() {}

  static List<String> realistic(int count, long seed) {
    Random rnd = new Random(seed);
    List<String> secrets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      secrets.add(switch (i % 6) {
        case 0 -> "ghp_" + random(rnd, ALNUM, 36);
        case 1 -> random(rnd, HEX, 32);
        case 2 -> random(rnd, HEX, 8) + "-" + random(rnd, HEX, 4) + "-4" + random(rnd, HEX, 3) + "-a"
            + random(rnd, HEX, 3) + "-" + random(rnd, HEX, 12);
        case 3 -> "AKIA" + random(rnd, ALNUM.substring(0, 26) + "234567", 16);
        case 4 -> random(rnd, B64, 24 + rnd.nextInt(41));
        default -> "st." + random(rnd, HEX, 24) + "." + random(rnd, HEX, 32);
      });
    }
    return secrets;
  }

  /** {@code count} random alphanumeric values of exactly {@code length} bytes. */
  static List<String> uniform(int count, int length, long seed) {
    Random rnd = new Random(seed);
    List<String> secrets = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      secrets.add(random(rnd, ALNUM, length));
    }
    return secrets;
  }

  static String random(Random rnd, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
