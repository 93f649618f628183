package io.github.infisicalci.jenkins.pipeline;

import hudson.AbortException;
import java.lang.reflect.Modifier;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The failure of a {@code withInfisical} body with every secret masked out of the messages of the
 * exception, its causes and suppressed exceptions, before Pipeline prints it after the block (where the log
 * filter no longer applies). An exception whose chain holds no secret is returned as is, so aborts and
 * other special failures keep their identity. A changed exception is rebuilt as the same type when that
 * type is public and has a public {@code (String)} constructor that keeps the message as given (so
 * {@code catch (IOException e)} around the block still matches, and an {@link AbortException} is still
 * printed without a stack trace); any other changed exception becomes a {@link MaskedException} naming the
 * original class. Either way the stack trace, causes and suppressed exceptions are kept (masked).
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
    String message = mask.apply(t.getMessage());
    Throwable out = sameType(t, message);
    done.put(t, out);
    out.setStackTrace(t.getStackTrace());
    if (t.getCause() != null && t.getCause() != t) {
      Throwable cause = copy(t.getCause(), mask, done);
      try {
        out.initCause(cause);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // the (String) constructor set a cause of its own: keep the chain through a MaskedException instead
        out = new MaskedException(t.getClass().getName(), message);
        done.put(t, out);
        out.setStackTrace(t.getStackTrace());
        out.initCause(cause);
      }
    }
    for (Throwable s : t.getSuppressed()) {
      out.addSuppressed(copy(s, mask, done));
    }
    return out;
  }

  /**
   * A new instance of {@code t}'s own type with {@code message}, when the type is public, has a public
   * {@code (String)} constructor and the instance reports exactly that message; else a {@link MaskedException}.
   * Only the message is carried over: other fields of {@code t} could hold the secret.
   */
  private static Throwable sameType(Throwable t, String message) {
    Class<? extends Throwable> type = t.getClass();
    if (Modifier.isPublic(type.getModifiers())) {
      try {
        Throwable rebuilt = type.getConstructor(String.class).newInstance(message);
        if (Objects.equals(rebuilt.getMessage(), message)) {
          return rebuilt;
        }
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // no usable (String) constructor: fall through
      }
    }
    return new MaskedException(type.getName(), message);
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
