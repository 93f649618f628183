package io.github.infisicalci.export;

import java.util.List;

/**
 * The result of {@link ExportPlanner#plan}: what to export, in order; the keys that were left out
 * (optional keys or globs absent, or required ones absent when that is tolerated); the names skipped
 * with a reason (select-all and glob exports skip a protected or unusable name instead of failing); and
 * notes to show once each (a name shells cannot reference as {@code $NAME}).
 *
 * @param skipped names not exported, each with its reason: show each as a warning
 * @param notes one sentence per exported name worth a warning, naming it; never a value
 */
public record ExportPlan(List<ExportEntry> entries, List<String> skippedOptional, List<String> missingRequired,
    List<SkippedName> skipped, List<String> notes) {
  public ExportPlan {
    entries = List.copyOf(entries);
    skippedOptional = List.copyOf(skippedOptional);
    missingRequired = List.copyOf(missingRequired);
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /** A plan without skipped names or notes. */
  public ExportPlan(List<ExportEntry> entries, List<String> skippedOptional, List<String> missingRequired) {
    this(entries, skippedOptional, missingRequired, List.of(), List.of());
  }

  /** The exported names, in order. */
  public List<String> names() {
    return entries.stream().map(ExportEntry::name).toList();
  }
}
