package io.github.infisicalci.benchmarks.masking;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.EncodedForm;
import io.github.infisicalci.mask.Masker;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The two designs of issue 11 on the same log and secrets, one thread: (a) every spelling enumerated in the
 * one automaton (the engine, URL and JSON forms on); (b) a decoded view: one pass undoing {@code %XX},
 * {@code \\uXXXX} and {@code \/} into a byte array with a position map back to the input, then the
 * raw-only automaton over the decoded bytes. MB/s in CPU time of the thread (best of the passes), both
 * through {@code Masker.mask(byte[])}. (b) leaves out what it would also need (matching the
 * undecoded text too, mapping matches back, streaming), so its figure is an upper bound on its speed.
 */
final class DecodedViewProbe {
  private DecodedViewProbe() {}

  static void run(int secretCount, int passes) {
    List<String> values = BenchmarkSecrets.realistic(secretCount, MaskingBenchmark.SECRET_SEED);
    byte[] log = BuildLogGenerator.generate(20_000_000L, values, MaskingBenchmark.LOG_SEED);
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Masker enumerated = masker(values, EnumSet.of(EncodedForm.RAW, EncodedForm.URL, EncodedForm.JSON));
    Masker rawOnly = masker(values, EnumSet.of(EncodedForm.RAW));
    byte[] decoded = new byte[log.length];
    int[] map = new int[log.length];
    double bestEnumerated = 0;
    double bestDecoded = 0;
    long sink = 0;
    for (int pass = 0; pass < passes + 2; pass++) {
      long t0 = threads.getCurrentThreadCpuTime();
      sink += enumerated.mask(log).length;
      long t1 = threads.getCurrentThreadCpuTime();
      int n = decode(log, decoded, map);
      sink += rawOnly.mask(java.util.Arrays.copyOf(decoded, n)).length;
      long t2 = threads.getCurrentThreadCpuTime();
      if (pass >= 2) {
        bestEnumerated = Math.max(bestEnumerated, log.length / 1e6 / ((t1 - t0) / 1e9));
        bestDecoded = Math.max(bestDecoded, log.length / 1e6 / ((t2 - t1) / 1e9));
      }
    }
    System.out.printf(Locale.ROOT,
        "design-probe secrets=%d log_mb=20 cpu_time enumerated_url_json_mb_s=%.0f decoded_view_upper_bound_mb_s=%.0f (%d)%n",
        secretCount, bestEnumerated, bestDecoded, sink % 10);
  }

  private static Masker masker(List<String> values, Set<EncodedForm> forms) {
    Masker.Builder b = Masker.builder().forms(forms);
    for (int i = 0; i < values.size(); i++) {
      b.add("S" + i, SecretValue.of(values.get(i)));
    }
    return b.build();
  }

  /** Undoes %XX, \\uXXXX (ASCII and Latin-1 only: enough to price the pass) and \/; returns the length. */
  static int decode(byte[] in, byte[] out, int[] map) {
    int n = 0;
    int i = 0;
    while (i < in.length) {
      byte b = in[i];
      if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
        out[n] = (byte) (hex(in[i + 1]) << 4 | hex(in[i + 2]));
        map[n++] = i;
        i += 3;
      } else if (b == '\\' && i + 1 < in.length && in[i + 1] == '/') {
        out[n] = '/';
        map[n++] = i;
        i += 2;
      } else if (b == '\\' && i + 5 < in.length && in[i + 1] == 'u' && hex(in[i + 2]) == 0 && hex(in[i + 3]) == 0
          && hex(in[i + 4]) >= 0 && hex(in[i + 5]) >= 0) {
        out[n] = (byte) (hex(in[i + 4]) << 4 | hex(in[i + 5]));
        map[n++] = i;
        i += 6;
      } else {
        out[n] = b;
        map[n++] = i;
        i++;
      }
    }
    return n;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
