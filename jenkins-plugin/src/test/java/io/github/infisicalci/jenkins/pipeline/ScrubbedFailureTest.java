package io.github.infisicalci.jenkins.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.jenkins.console.MaskingPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The failure leaving a block: secrets masked in every message of the chain, nothing else changed. */
class ScrubbedFailureTest {
  private static final String SECRET = "s3cr3t-Pa55word";
  private static final UnaryOperator<String> MASK =
      MaskingPlan.of(Map.of("DB_PASSWORD", SecretValue.of(SECRET)))::scrub;

  private static String printed(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Test
  void failureWithoutSecretIsTheSameObject() {
    IllegalStateException t = new IllegalStateException("script returned exit code 1",
        new RuntimeException("inner"));
    assertSame(t, ScrubbedFailure.scrub(t, MASK));
  }

  @Test
  void secretInTheMessageIsMaskedAndTheOriginalClassAndStackKept() {
    IllegalArgumentException t = new IllegalArgumentException("connect with password " + SECRET + " failed");
    Throwable out = ScrubbedFailure.scrub(t, MASK);
    ScrubbedFailure.MaskedException m = assertInstanceOf(ScrubbedFailure.MaskedException.class, out);
    assertEquals("java.lang.IllegalArgumentException", m.originalClass());
    assertEquals("java.lang.IllegalArgumentException: connect with password **** failed", m.toString());
    assertArrayEquals(t.getStackTrace(), m.getStackTrace());
    assertFalse(printed(out).contains(SECRET), printed(out));
  }

  @Test
  void secretDeepInTheChainMasksTheWholeChain() {
    RuntimeException root = new RuntimeException("token=" + SECRET);
    RuntimeException middle = new RuntimeException("while deploying", root);
    IllegalStateException top = new IllegalStateException("step failed", middle);
    Exception suppressed = new Exception("cleanup saw " + SECRET + " too");
    top.addSuppressed(suppressed);
    middle.addSuppressed(root); // the same exception twice in the graph

    Throwable out = ScrubbedFailure.scrub(top, MASK);
    String text = printed(out);
    assertFalse(text.contains(SECRET), text);
    assertTrue(text.contains("java.lang.IllegalStateException: step failed"), text);
    assertTrue(text.contains("java.lang.RuntimeException: while deploying"), text);
    assertTrue(text.contains("java.lang.RuntimeException: token=****"), text);
    assertTrue(text.contains("java.lang.Exception: cleanup saw **** too"), text);
    assertSame(out.getCause().getCause(), out.getCause().getSuppressed()[0], "shared exceptions stay shared");
  }

  @Test
  void multiLineSecretIsMaskedLineByLine() {
    String pem = "-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n-----END KEY-----";
    UnaryOperator<String> mask = MaskingPlan.of(Map.of("KEY_PEM", SecretValue.of(pem)))::scrub;
    Throwable out = ScrubbedFailure.scrub(new RuntimeException("bad key line MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu"), mask);
    assertFalse(out.getMessage().contains("MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu"),
        out.getMessage());
  }
}
