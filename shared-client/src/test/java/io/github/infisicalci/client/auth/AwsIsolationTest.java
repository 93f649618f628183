package io.github.infisicalci.client.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Nothing of the AWS SDK is loaded unless AWS IAM auth logs in: a fresh JVM ({@code -verbose:class}) runs a
 * universal-auth login and fetch and must load no {@code software.amazon} class; the same run with AWS IAM
 * auth must load some (so the check can see them). Prints the login+fetch time of both (not asserted).
 */
class AwsIsolationTest {
  private static String run(String mode) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-verbose:class", "-cp",
        System.getProperty("java.class.path"), LoginMain.class.getName(), mode)).redirectErrorStream(true);
    if (mode.equals("aws-env")) {
      // what aws-actions/configure-aws-credentials exports; the chain stops at the environment (no network)
      pb.environment().put("AWS_ACCESS_KEY_ID", AwsIamAuthTest.KEY_ID);
      pb.environment().put("AWS_SECRET_ACCESS_KEY", AwsIamAuthTest.SECRET);
      pb.environment().put("AWS_SESSION_TOKEN", "session-token-from-env");
      pb.environment().put("AWS_REGION", "eu-central-1");
      pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
      pb.environment().remove("AWS_PROFILE");
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out.length() > 4000 ? out.substring(out.length() - 4000) : out);
    out.lines().filter(l -> l.startsWith("LOGIN_AND_FETCH_MS")).forEach(l -> System.out.println(mode + " " + l));
    System.out.println(mode + " loaded classes: " + out.lines().filter(l -> l.contains("[class,load]")).count()
        + ", of them software.amazon: " + out.lines().filter(l -> l.contains("software.amazon.")).count());
    return out;
  }

  @Test
  void universalAuthLoadsNoAwsClass() throws Exception {
    String universal = run("universal");
    assertTrue(universal.contains("LOGIN_AND_FETCH_MS"), universal);
    assertTrue(universal.lines().noneMatch(l -> l.contains("software.amazon.")),
        universal.lines().filter(l -> l.contains("software.amazon.")).findFirst().orElse(""));
    String aws = run("aws");
    assertTrue(aws.lines().anyMatch(l -> l.contains("software.amazon.awssdk.http.auth.aws")));
  }

  @Test
  void theSdkDefaultChainReadsTheEnvironmentIncludingTheSessionToken() throws Exception {
    String out = run("aws-env");
    assertTrue(out.contains("LOGIN_AND_FETCH_MS"), out.length() > 4000 ? out.substring(out.length() - 4000) : out);
    assertTrue(out.lines().anyMatch(l -> l.contains("EnvironmentVariableCredentialsProvider")));
  }
}
