package io.github.infisicalci.jenkins.binding;

/**
 * How a secret value must be handed to {@code SimpleBuildWrapper.Context.env} so that the process
 * sees it unchanged. Pipeline applies the block's variables with {@code EnvVars.overrideExpandingAll},
 * which expands {@code $NAME} / {@code ${NAME}} and turns {@code $$} into {@code $}; freestyle applies
 * them verbatim.
 */
public final class EnvValues {
  private EnvValues() {
  }

  /** {@code value} for a Pipeline block: every {@code $} doubled. */
  public static String forPipeline(String value) {
    return value.replace("$", "$$");
  }
}
