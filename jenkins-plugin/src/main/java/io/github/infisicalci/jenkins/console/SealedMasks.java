package io.github.infisicalci.jenkins.console;

import hudson.util.Secret;
import io.github.infisicalci.client.SecretValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MaskingPlan} that may be serialized (with the Pipeline program, or to an agent): the names,
 * and the values as {@link Secret}s only ({@link LiteralSecrets}: never decrypted on the way in). In the saved
 * program a Secret is written encrypted (workflow-support's SecretPickle); to an agent it is Java-serialized,
 * which carries its plain value (Secret has no serialization of its own): protected by the agent channel only.
 */
public final class SealedMasks implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> names;
  private final List<Secret> values;

  private SealedMasks(List<String> names, List<Secret> values) {
    this.names = names;
    this.values = values;
  }

  /** Seals {@code plan}. */
  public static SealedMasks of(MaskingPlan plan) {
    List<Secret> sealed = new ArrayList<>();
    for (SecretValue v : plan.values()) {
      sealed.add(LiteralSecrets.seal(v));
    }
    return new SealedMasks(new ArrayList<>(plan.names()), sealed);
  }

  /** The plan again (decrypts). */
  public MaskingPlan open() {
    List<SecretValue> plain = new ArrayList<>();
    for (Secret s : values) {
      plain.add(LiteralSecrets.open(s));
    }
    return MaskingPlan.of(names, plain);
  }

  @Override
  public String toString() {
    return "SealedMasks" + names;
  }
}
