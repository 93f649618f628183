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
  void secretInTheMessageIsMaskedAndTheTypeAndStackKept() {
    IllegalArgumentException t = new IllegalArgumentException("connect with password " + SECRET + " failed");
    Throwable out = ScrubbedFailure.scrub(t, MASK);
    assertSame(IllegalArgumentException.class, out.getClass());
    assertEquals("java.lang.IllegalArgumentException: connect with password **** failed", out.toString());
    assertArrayEquals(t.getStackTrace(), out.getStackTrace());
    assertFalse(printed(out).contains(SECRET), printed(out));
  }

  /** What a Jenkinsfile's {@code try { withInfisical(...) {...} } catch (IOException e)} relies on. */
  @Test
  void aCheckedExceptionIsStillCaughtByItsType() {
    Throwable out = ScrubbedFailure.scrub(new java.io.FileNotFoundException("/tmp/" + SECRET + ".txt"), MASK);
    java.io.IOException caught = null;
    try {
      throw out;
    } catch (java.io.IOException e) {
      caught = e;
    } catch (Throwable other) {
      // falls through to the assertion
    }
    assertInstanceOf(java.io.FileNotFoundException.class, caught, String.valueOf(out));
    assertEquals("/tmp/****.txt", caught.getMessage());
  }

  /** Public, but its only constructor takes more than a message. */
  public static final class NoMessageConstructor extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoMessageConstructor(String message, int code) {
      super(message + " (" + code + ")");
    }
  }

  /** Public with a (String) constructor that does not keep the message as given. */
  public static final class RewritesItsMessage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RewritesItsMessage(String message) {
      super("wrapped: " + message);
    }
  }

  /** Not public: its constructor cannot be called from the plugin. */
  static final class NotPublic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotPublic(String message) {
      super(message);
    }
  }

  @Test
  void typesThatCannotBeRebuiltBecomeMaskedExceptionsNamingTheOriginal() {
    for (RuntimeException t : new RuntimeException[] {new NoMessageConstructor("key " + SECRET, 7),
        new RewritesItsMessage("key " + SECRET), new NotPublic("key " + SECRET)}) {
      Throwable out = ScrubbedFailure.scrub(t, MASK);
      ScrubbedFailure.MaskedException m = assertInstanceOf(ScrubbedFailure.MaskedException.class, out, t.getClass()
          .getName());
      assertEquals(t.getClass().getName(), m.originalClass());
      assertTrue(m.toString().startsWith(t.getClass().getName() + ": "), m.toString());
      assertFalse(printed(out).contains(SECRET), printed(out));
      assertArrayEquals(t.getStackTrace(), m.getStackTrace());
    }
  }

  /** A (String) constructor that already sets a cause cannot take the masked one: the chain is kept anyway. */
  public static final class CauseInConstructor extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CauseInConstructor(String message) {
      super(message, null);
    }

    public CauseInConstructor(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Test
  void aConstructorThatSetsACauseFallsBackWithTheChainKept() {
    CauseInConstructor t = new CauseInConstructor("outer " + SECRET, new java.io.IOException("inner " + SECRET));
    Throwable out = ScrubbedFailure.scrub(t, MASK);
    ScrubbedFailure.MaskedException m = assertInstanceOf(ScrubbedFailure.MaskedException.class, out);
    assertEquals(CauseInConstructor.class.getName(), m.originalClass());
    assertInstanceOf(java.io.IOException.class, m.getCause());
    assertEquals("inner ****", m.getCause().getMessage());
    assertFalse(printed(out).contains(SECRET), printed(out));
  }
}
