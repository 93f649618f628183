package io.github.infisicalci.benchmarks.masking;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.EncodedForm;
import io.github.infisicalci.mask.Masker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Masking throughput on one thread: the engine (through its streaming API, 8 KiB writes, as a console
 * log receives them) against the regex-alternation baseline, on the same generated build log.
 *
 * <p>The baseline gets at most {@link #baselineBytes(int, long)} bytes of the log (whole lines): on
 * large secret sets it is too slow to run over 100 MB. Throughput is always bytes processed / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MaskingBenchmark {
  static final long SECRET_SEED = 20_261_129L;
  static final long LOG_SEED = 7L;
  static final int WRITE_SIZE = 8192;

  @Param({"10", "100", "1000", "10000"})
  public int secrets;

  @Param({"1", "100"})
  public int logMb;

  /**
   * {@code RAW}: the same patterns the baseline has; {@code DEFAULT}: {@link Masker#DEFAULT_FORMS} (what the
   * action and the plugin use); {@code ALL}: every encoded form, hex and UTF-16LE Base64 included.
   */
  @Param({"RAW"})
  public String forms;

  private byte[] log;
  private String baselineText;
  private Masker masker;
  private RegexAlternationBaseline baseline;
  private final StringBuilder scratch = new StringBuilder();

  @Setup(Level.Trial)
  public void setUp() {
    List<String> values = BenchmarkSecrets.realistic(secrets, SECRET_SEED);
    log = BuildLogGenerator.generate(logMb * 1_000_000L, values, LOG_SEED);
    Masker.Builder builder = Masker.builder().replacement("***").forms(formSet(forms));
    for (int i = 0; i < values.size(); i++) {
      builder.add("SECRET_" + i, SecretValue.of(values.get(i)));
    }
    masker = builder.build();
    baseline = new RegexAlternationBaseline(values, "***");
    baselineText = wholeLines(log, baselineBytes(secrets, log.length));
  }

  static Set<EncodedForm> formSet(String forms) {
    return switch (forms) {
      case "ALL" -> EnumSet.allOf(EncodedForm.class);
      case "DEFAULT" -> EnumSet.copyOf(Masker.DEFAULT_FORMS);
      case "RAW" -> EnumSet.of(EncodedForm.RAW);
      default -> throw new IllegalArgumentException("forms must be RAW, DEFAULT or ALL, was " + forms);
    };
  }

  /** How much of the log the baseline is given: a bounded prefix (it runs at about 0.1 to 1 MB/s). */
  static long baselineBytes(int secrets, long logBytes) {
    long cap = secrets <= 10 ? 4_000_000L
        : secrets <= 1000 ? 1_000_000L
        : 100_000L;
    return Math.min(cap, logBytes);
  }

  static String wholeLines(byte[] log, long bytes) {
    int end = (int) bytes;
    if (end < log.length) {
      while (end > 0 && log[end - 1] != '\n') {
        end--;
      }
    }
    return new String(log, 0, end, StandardCharsets.UTF_8);
  }

  @Benchmark
  public long engine() throws IOException {
    CountingSink sink = new CountingSink();
    try (OutputStream out = masker.wrap(sink)) {
      for (int off = 0; off < log.length; off += WRITE_SIZE) {
        out.write(log, off, Math.min(WRITE_SIZE, log.length - off));
      }
    }
    return sink.count;
  }

  @Benchmark
  public long baseline() {
    return baseline.mask(baselineText, scratch);
  }

  long engineBytes() {
    return log.length;
  }

  /** Counts what it is given, like a console that writes to a file it does not read back. */
  static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
