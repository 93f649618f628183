package io.github.infisicalci.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.devserver.DevServer;
import io.github.infisicalci.devserver.Seed;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * method: aws-iam against the dev server's aws-auth route, which checks the SigV4 signature with its
 * test credentials. The AWS SDK's default chain reads the aws.* system properties first (set here,
 * as a runner's environment would set AWS_ACCESS_KEY_ID and friends).
 */
class AwsIamActionTest {
  static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @TempDir Path tmp;
  DevServer server;
  RunnerSim runner;

  @BeforeEach
  void start() throws Exception {
    server = DevServer.start(Seed.builder()
        .project("shop", p -> p.secret("dev", "/", "FROM_AWS", "aws-login-value-1"))
        .identity("aws", i -> i.awsAuth(KEY_ID, SECRET, "arn:aws:iam::123456789012:role/ci").member("shop", "viewer"))
        .build());
    runner = new RunnerSim(tmp);
    runner.input("method", "aws-iam").input("identity-id", server.seed().identityId("aws"))
        .input("domain", server.url()).input("project-slug", "shop").input("env-slug", "dev");
    runner.env.put("AWS_REGION", "eu-west-1");
  }

  @AfterEach
  void stop() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    server.close();
  }

  @Test
  void logsInWithSignedCallerIdentity() throws Exception {
    System.setProperty("aws.accessKeyId", KEY_ID);
    System.setProperty("aws.secretAccessKey", SECRET);
    RunnerSim.Run run = runner.run();
    assertEquals(0, run.exitCode(), run.stdout());
    assertEquals(Map.of("FROM_AWS", "aws-login-value-1"), runner.exportedEnv());
    assertEquals(1, server.calls().count("POST", "/api/v1/auth/aws-auth/login"));
    assertFalse(run.visible().contains(SECRET));
  }

  @Test
  void wrongKeyIsRefusedWithAHintNamingTheInputs() {
    System.setProperty("aws.accessKeyId", KEY_ID);
    System.setProperty("aws.secretAccessKey", "not-the-right-secret-000000000000000000000");
    RunnerSim.Run run = runner.run();
    assertEquals(1, run.exitCode(), run.stdout());
    String errors = String.join("\n", run.errors());
    assertTrue(errors.contains("input 'identity-id'") && errors.contains("AWS"), errors);
  }

  @Test
  void identityIdIsRequired() {
    RunnerSim.Run run = runner.input("identity-id", "").run();
    assertEquals(1, run.exitCode());
    assertTrue(run.errors().get(0).startsWith("::error::input 'identity-id': is required for method 'aws-iam'"),
        run.stdout());
  }
}
