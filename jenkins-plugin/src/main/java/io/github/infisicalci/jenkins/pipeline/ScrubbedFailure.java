package io.github.infisicalci.jenkins.pipeline;

import hudson.AbortException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The failure of a {@code withInfisical} body with every secret masked out of the messages of the
 * exception, its causes and suppressed exceptions, before Pipeline prints it after the block (where the log
 * filter no longer applies). An exception whose chain holds no secret is returned as is, so aborts and
 * other special failures keep their identity. A changed {@link AbortException} stays one (Pipeline prints
 * it without a stack trace); any other changed exception becomes a {@link MaskedException} naming the
 * original class, with the same stack trace.
 */
final class ScrubbedFailure {
  private ScrubbedFailure() {
  }

  /**
   * {@code t}, or a copy of its chain with {@code mask} applied to every message when that changes one.
   *
   * @param mask replaces secrets in a text ({@code null} stays {@code null})
   */
  static Throwable scrub(Throwable t, UnaryOperator<String> mask) {
    Objects.requireNonNull(mask, "mask");
    if (!needsScrubbing(t, mask, new IdentityHashMap<>())) {
      return t;
    }
    return copy(t, mask, new IdentityHashMap<>());
  }

  private static boolean needsScrubbing(Throwable t, UnaryOperator<String> mask, Map<Throwable, Boolean> seen) {
    if (t == null || seen.put(t, Boolean.TRUE) != null) {
      return false;
    }
    if (changes(t.getMessage(), mask) || changes(t.getLocalizedMessage(), mask) || changes(t.toString(), mask)) {
      return true;
    }
    for (Throwable s : t.getSuppressed()) {
      if (needsScrubbing(s, mask, seen)) {
        return true;
      }
    }
    return needsScrubbing(t.getCause(), mask, seen);
  }

  private static boolean changes(String text, UnaryOperator<String> mask) {
    return text != null && !text.equals(mask.apply(text));
  }

  private static Throwable copy(Throwable t, UnaryOperator<String> mask, Map<Throwable, Throwable> done) {
    Throwable already = done.get(t);
    if (already != null) {
      return already;
    }
    Throwable out = t instanceof AbortException
        ? new AbortException(mask.apply(t.getMessage()))
        : new MaskedException(t.getClass().getName(), mask.apply(t.getMessage()));
    done.put(t, out);
    out.setStackTrace(t.getStackTrace());
    if (t.getCause() != null && t.getCause() != t) {
      out.initCause(copy(t.getCause(), mask, done));
    }
    for (Throwable s : t.getSuppressed()) {
      out.addSuppressed(copy(s, mask, done));
    }
    return out;
  }

  /** Stands for an exception whose message held a secret: the original class name and the masked message. */
  static final class MaskedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String originalClass;

    MaskedException(String originalClass, String maskedMessage) {
      super(maskedMessage);
      this.originalClass = originalClass;
    }

    /** The class of the exception this one replaces. */
    String originalClass() {
      return originalClass;
    }

    @Override
    public String toString() {
      String m = getLocalizedMessage();
      return m == null ? originalClass : originalClass + ": " + m;
    }
  }
}
