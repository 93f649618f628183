package io.github.infisicalci.benchmarks.masking;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.Masker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link MaskingBenchmark} through JMH and prints one summary line per secret count:
 * {@code masking-ratio secrets=N ratio=R engine_mb_s=E baseline_mb_s=B} (from the largest log measured),
 * then detail lines, the engine's throughput in CPU time of one thread, and the memory a masker of
 * 10,000 secrets of 64 bytes retains.
 *
 * <p>Options: see {@link #HELP} ({@code --help}).
 */
public final class MaskingBenchmarkMain {
  private MaskingBenchmarkMain() {}

  static final String HELP = """
      benchmarks.jar: the masking engine's benchmarks (io.github.infisicalci.mask.Masker), one thread.

      usage: java -jar benchmarks/target/benchmarks.jar [options]
        (no option)            full JMH run: engine vs regex baseline, then CPU-time, memory and build lines
        --quick                2+2 JMH iterations of 1 s instead of 5+5 of 2 s
        --secrets=10,100,...   secret counts (default 10,100,1000,10000)
        --log-mb=1,100         generated log sizes in MB (default 1,100)
        --forms=RAW,DEFAULT,ALL  engine form sets (default RAW,DEFAULT,ALL; the baseline runs once, with RAW)
        --memory-only          only the memory lines (10,000 secrets of 64 bytes; RAW, DEFAULT, ALL)
        --cpu-only             only the thread-CPU-time lines (--secrets, --forms), no JMH, no memory lines
        --build-only           only the build-time lines (2,000 and 10,000 secrets of 64 bytes, DEFAULT and ALL)
        --design-probe         enumerated spellings vs a decoded view (issue 11), 100 and 1,000 secrets
        --fragment-floor [FILE...]  chance matches of short Base64 fragments in a generated log plus FILEs
        --help                 this text

      Output lines start with masking-ratio, masking-detail, masking-cpu, masking-memory, masking-build,
      design-probe or fragment-floor; benchmarks/README.md explains each and holds measured figures.
      Build first: mvn -B -ntp -q -pl benchmarks -am package -DskipTests
      """;

  public static void main(String[] args) throws RunnerException, java.io.IOException {
    boolean quick = false;
    boolean memoryOnly = false;
    boolean buildOnly = false;
    boolean cpuOnly = false;
    String secrets = "10,100,1000,10000";
    String logMb = "1,100";
    String forms = "RAW,DEFAULT,ALL";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.print(HELP);
        return;
      } else if (arg.equals("--fragment-floor")) {
        List<java.nio.file.Path> files = new ArrayList<>();
        for (int k = i + 1; k < args.length; k++) {
          files.add(java.nio.file.Path.of(args[k]));
        }
        FragmentFloor.run(files);
        return;
      } else if (arg.equals("--design-probe")) {
        DecodedViewProbe.run(100, 3);
        DecodedViewProbe.run(1000, 3);
        return;
      } else if (arg.equals("--quick")) {
        quick = true;
      } else if (arg.equals("--memory-only")) {
        memoryOnly = true;
      } else if (arg.equals("--cpu-only")) {
        cpuOnly = true;
      } else if (arg.equals("--build-only")) {
        buildOnly = true;
      } else if (arg.startsWith("--secrets=")) {
        secrets = arg.substring("--secrets=".length());
      } else if (arg.startsWith("--log-mb=")) {
        logMb = arg.substring("--log-mb=".length());
      } else if (arg.startsWith("--forms=")) {
        forms = arg.substring("--forms=".length());
      } else {
        System.err.println("unknown option " + arg + "\n\n" + HELP);
        System.exit(2);
      }
    }
    if (buildOnly) {
      for (int count : new int[] {2000, 10_000}) {
        System.out.println(memoryLine(count, "DEFAULT"));
        System.out.println(memoryLine(count, "ALL"));
      }
      return;
    }
    List<String> cpu = new ArrayList<>();
    if (!memoryOnly) {
      for (String count : secrets.split(",")) {
        for (String form : forms.split(",")) {
          cpu.add(cpuLine(Integer.parseInt(count), quick ? 2 : 5, form));
        }
      }
    }
    if (cpuOnly) {
      cpu.forEach(System.out::println);
      return;
    }
    List<String> memory = new ArrayList<>();
    memory.add(memoryLine(10_000, "RAW"));
    memory.add(memoryLine(10_000, "DEFAULT"));
    memory.add(memoryLine(10_000, "ALL"));
    if (!memoryOnly) {
      List<RunResult> results = new ArrayList<>();
      for (String form : forms.split(",")) {
        // the baseline does not depend on the engine's forms: run it once, with RAW
        String include = MaskingBenchmark.class.getName() + (form.equals("RAW") ? "\\." : "\\.engine$");
        results.addAll(new Runner(options(include, secrets, logMb, form, quick).build()).run());
      }
      summarize(results);
    }
    cpu.forEach(System.out::println);
    memory.forEach(System.out::println);
  }

  private static ChainedOptionsBuilder options(String include, String secrets, String logMb,
      String form, boolean quick) {
    return new OptionsBuilder()
          .include(include)
          .param("secrets", secrets.split(","))
          .param("logMb", logMb.split(","))
          .param("forms", form)
          .forks(1)
          .threads(1)
          .jvmArgsAppend("-Xms2g", "-Xmx2g")
          .warmupIterations(quick ? 2 : 5)
          .warmupTime(TimeValue.seconds(quick ? 1 : 2))
          .measurementIterations(quick ? 2 : 5)
          .measurementTime(TimeValue.seconds(quick ? 1 : 2));
  }

  /**
   * Engine throughput in CPU time of the measuring thread (best of {@code passes} over a 100 MB log,
   * after warm-up): on a machine shared with other work, wall-clock figures understate one core.
   */
  private static String cpuLine(int secrets, int passes, String forms) {
    MaskingBenchmark bench = new MaskingBenchmark();
    bench.secrets = secrets;
    bench.logMb = 100;
    bench.forms = forms;
    bench.setUp();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double best = 0;
    try {
      for (int pass = 0; pass < passes + 3; pass++) {
        long started = threads.getCurrentThreadCpuTime();
        bench.engine();
        double seconds = (threads.getCurrentThreadCpuTime() - started) / 1e9;
        if (pass >= 3) {
          best = Math.max(best, bench.engineBytes() / 1e6 / seconds);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return String.format(Locale.ROOT, "masking-cpu secrets=%d forms=%s log_mb=100 engine_cpu_mb_s=%.0f",
        secrets, forms, best);
  }

  private static void summarize(Collection<RunResult> results) {
    record Key(String forms, int secrets, int logMb) {}
    Map<Key, double[]> msPerOp = new TreeMap<>((a, b) -> a.forms.equals(b.forms)
        ? a.secrets != b.secrets ? Integer.compare(a.secrets, b.secrets) : Integer.compare(a.logMb, b.logMb)
        : a.forms.compareTo(b.forms));
    for (RunResult r : results) {
      Key key = new Key(r.getParams().getParam("forms"), Integer.parseInt(r.getParams().getParam("secrets")),
          Integer.parseInt(r.getParams().getParam("logMb")));
      double[] pair = msPerOp.computeIfAbsent(key, k -> new double[] {Double.NaN, Double.NaN});
      boolean engine = r.getParams().getBenchmark().endsWith(".engine");
      pair[engine ? 0 : 1] = r.getPrimaryResult().getScore();
    }
    Map<Integer, String> ratioLines = new TreeMap<>();
    List<String> details = new ArrayList<>();
    for (Map.Entry<Key, double[]> e : msPerOp.entrySet()) {
      Key k = e.getKey();
      long engineBytes = k.logMb * 1_000_000L;
      long baselineBytes = MaskingBenchmark.baselineBytes(k.secrets, engineBytes);
      double engineMbs = engineBytes / 1e6 / (e.getValue()[0] / 1000);
      double baselineMbs = baselineBytes / 1e6 / (e.getValue()[1] / 1000);
      if (Double.isNaN(baselineMbs)) {
        details.add(String.format(Locale.ROOT, "masking-detail secrets=%d forms=%s log_mb=%d engine_mb_s=%.1f",
            k.secrets, k.forms, k.logMb, engineMbs));
        continue;
      }
      details.add(String.format(Locale.ROOT,
          "masking-detail secrets=%d forms=%s log_mb=%d engine_mb_s=%.1f baseline_mb_s=%.2f baseline_mb=%.1f%s",
          k.secrets, k.forms, k.logMb, engineMbs, baselineMbs, baselineBytes / 1e6,
          baselineBytes < engineBytes ? " (baseline bounded to the first " + baselineBytes / 1_000_000.0
              + " MB of the log: too slow for all of it)" : ""));
      if (k.forms.equals("RAW") && !Double.isNaN(baselineMbs)) {
        ratioLines.put(k.secrets, String.format(Locale.ROOT,
            "masking-ratio secrets=%d ratio=%.1f engine_mb_s=%.0f baseline_mb_s=%s",
            k.secrets, engineMbs / baselineMbs, engineMbs,
            String.format(Locale.ROOT, baselineMbs >= 10 ? "%.0f" : "%.2f", baselineMbs)));
      }
    }
    System.out.println();
    ratioLines.values().forEach(System.out::println);
    details.forEach(System.out::println);
  }

  /** Heap a masker of {@code count} secrets of 64 bytes keeps, after collection, besides its inputs. */
  private static String memoryLine(int count, String forms) {
    List<String> values = BenchmarkSecrets.uniform(count, 64, MaskingBenchmark.SECRET_SEED);
    List<SecretValue> secrets = values.stream().map(SecretValue::of).toList();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long started = System.nanoTime();
    long cpuStarted = threads.getCurrentThreadCpuTime();
    Masker.Builder builder = Masker.builder().forms(MaskingBenchmark.formSet(forms));
    for (int i = 0; i < secrets.size(); i++) {
      builder.add("SECRET_" + i, secrets.get(i));
    }
    Masker masker = builder.build();
    long buildMillis = (System.nanoTime() - started) / 1_000_000;
    long buildCpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
    builder = null;
    long after = settledHeap(memory);
    String line = String.format(Locale.ROOT,
        "masking-memory secrets=%d secret_bytes=64 forms=%s retained_mb=%.1f build_ms=%d build_cpu_ms=%d %s",
        count, forms, (after - before) / 1048576.0, buildMillis, buildCpuMillis, masker);
    Reference.reachabilityFence(masker);
    Reference.reachabilityFence(secrets);
    return line;
  }

  private static long settledHeap(MemoryMXBean memory) {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
