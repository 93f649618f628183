package io.github.infisicalci.jenkins.console;

import io.github.infisicalci.client.SecretValue;
import io.github.infisicalci.mask.Masker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The secrets a console log filter masks, as built on the controller and shipped to agents ({@link SealedMasks}):
 * names and values in a fixed order, empty values and repeated values dropped. The same plan always
 * rebuilds the same {@link Masker} (replacement {@value #REPLACEMENT}), wherever it runs.
 */
public final class MaskingPlan {
  /** What each masked run of text becomes. */
  public static final String REPLACEMENT = "****";

  private final List<String> names;
  private final List<SecretValue> values;

  private MaskingPlan(List<String> names, List<SecretValue> values) {
    this.names = List.copyOf(names);
    this.values = List.copyOf(values);
  }

  /** A plan from name → value pairs (iteration order kept). */
  public static MaskingPlan of(Map<String, SecretValue> secrets) {
    Map<SecretValue, String> firstNameByValue = new LinkedHashMap<>();
    for (Map.Entry<String, SecretValue> e : secrets.entrySet()) {
      SecretValue v = Objects.requireNonNull(e.getValue(), "value of " + e.getKey());
      if (!v.isEmpty()) {
        firstNameByValue.putIfAbsent(v, e.getKey());
      }
    }
    List<String> n = new ArrayList<>();
    List<SecretValue> v = new ArrayList<>();
    firstNameByValue.forEach((value, name) -> {
      n.add(name);
      v.add(value);
    });
    return new MaskingPlan(n, v);
  }

  /** Rebuilds a plan from shipped names and values (same order). */
  public static MaskingPlan of(List<String> names, List<SecretValue> values) {
    if (names.size() != values.size()) {
      throw new IllegalArgumentException("names and values differ in length");
    }
    Map<String, SecretValue> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.putIfAbsent(names.get(i), values.get(i));
    }
    return of(m);
  }

  public List<String> names() {
    return names;
  }

  public List<SecretValue> values() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The masker for this plan. */
  public Masker masker() {
    Masker.Builder b = Masker.builder().replacement(REPLACEMENT);
    for (int i = 0; i < names.size(); i++) {
      b.add(names.get(i), values.get(i));
    }
    return b.build();
  }

  /** {@code text} with every secret of this plan masked (for exception messages); {@code null} stays null. */
  public String scrub(String text) {
    return text == null || isEmpty() ? text : masker().mask(text);
  }

  @Override
  public String toString() {
    return "MaskingPlan" + names;
  }
}
