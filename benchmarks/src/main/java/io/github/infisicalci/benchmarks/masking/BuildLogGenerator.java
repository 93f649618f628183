package io.github.infisicalci.benchmarks.masking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Deterministic text that looks like a CI console log (Maven, npm, Gradle, shell traces, test output,
 * a stack trace now and then) with a secret on about one line in 400, raw or Base64-encoded.
 */
final class BuildLogGenerator {
  private static final String[] GROUPS = {"org/apache/maven", "com/fasterxml/jackson/core",
      "io/netty", "org/springframework/boot", "com/google/guava", "org/junit/jupiter"};
  private static final String[] WORDS = {"compile", "resources", "testCompile", "surefire", "jar",
      "install", "deploy", "lint", "bundle", "webpack", "eslint", "tsc", "docker", "layer", "cache"};

  private BuildLogGenerator() {}

  static byte[] generate(long bytes, List<String> secrets, long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, bytes + 512));
    long line = 0;
    while (sb.length() < bytes) {
      line++;
      sb.append(String.format("%02d:%02d:%02d.%03d ", (line / 3600000) % 24, (line / 60000) % 60,
          (line / 1000) % 60, line % 1000));
      if (!secrets.isEmpty() && rnd.nextInt(400) == 0) {
        String secret = secrets.get(rnd.nextInt(secrets.size()));
        switch (rnd.nextInt(3)) {
          case 0 -> sb.append("+ export API_TOKEN=").append(secret);
          case 1 -> sb.append("+ curl -sf -H 'Authorization: Bearer ").append(secret)
              .append("' https://api.example.test/v1/deploy");
          default -> sb.append("[debug] basic auth: ").append(Base64.getEncoder()
              .encodeToString(("ci:" + secret).getBytes(StandardCharsets.UTF_8)));
        }
      } else {
        appendOrdinaryLine(sb, rnd);
      }
      sb.append('\n');
    }
    sb.setLength((int) bytes);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendOrdinaryLine(StringBuilder sb, Random rnd) {
    String group = GROUPS[rnd.nextInt(GROUPS.length)];
    String word = WORDS[rnd.nextInt(WORDS.length)];
    switch (rnd.nextInt(10)) {
      case 0 -> sb.append("[INFO] Downloading from central: https://repo.example.test/maven2/")
          .append(group).append('/').append(word).append("/3.").append(rnd.nextInt(20)).append('.')
          .append(rnd.nextInt(10)).append('/').append(word).append("-3.").append(rnd.nextInt(20))
          .append(".jar");
      case 1 -> sb.append("[INFO] --- maven-").append(word).append("-plugin:3.")
          .append(rnd.nextInt(12)).append(".0:").append(word).append(" (default-").append(word)
          .append(") @ service-").append(rnd.nextInt(40)).append(" ---");
      case 2 -> sb.append("[INFO] Tests run: ").append(rnd.nextInt(300)).append(", Failures: 0, Errors: 0, Skipped: ")
          .append(rnd.nextInt(4)).append(", Time elapsed: ").append(rnd.nextInt(90)).append('.')
          .append(rnd.nextInt(1000)).append(" s - in com.example.").append(word).append(".ServiceTest");
      case 3 -> sb.append("npm WARN deprecated ").append(word).append("@").append(rnd.nextInt(9))
          .append('.').append(rnd.nextInt(30)).append(".0: this library is no longer supported");
      case 4 -> sb.append("> Task :").append(word).append(":compileJava UP-TO-DATE");
      case 5 -> sb.append("\tat com.example.").append(word).append(".Handler.process(Handler.java:")
          .append(rnd.nextInt(900)).append(')');
      case 6 -> sb.append("#").append(rnd.nextInt(30)).append(" [").append(word).append(" ")
          .append(rnd.nextInt(9)).append("/12] RUN apt-get install -y --no-install-recommends ")
          .append(word).append(" && rm -rf /var/lib/apt/lists/*");
      case 7 -> sb.append("+ ").append(word).append(" --config /home/runner/work/app/").append(word)
          .append(".yml --verbose");
      case 8 -> sb.append("sha256:").append(BenchmarkSecrets.random(rnd, "0123456789abcdef", 64))
          .append(" ").append(rnd.nextInt(100)).append("% complete");
      default -> sb.append("[WARNING] ").append(word).append(" took ").append(rnd.nextInt(5000))
          .append(" ms; consider enabling the build cache for module ").append(group);
    }
  }
}
