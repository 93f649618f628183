package io.github.infisicalci.export;

import java.util.List;

/**
 * The result of {@link ExportPlanner#plan}: what to export, in order, plus the keys that were left out
 * (optional keys absent, or required keys absent when missing keys are tolerated).
 */
public record ExportPlan(List<ExportEntry> entries, List<String> skippedOptional, List<String> missingRequired) {
  public ExportPlan {
    entries = List.copyOf(entries);
    skippedOptional = List.copyOf(skippedOptional);
    missingRequired = List.copyOf(missingRequired);
  }

  /** The exported names, in order. */
  public List<String> names() {
    return entries.stream().map(ExportEntry::name).toList();
  }
}
