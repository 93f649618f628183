package io.github.infisicalci.jenkins.report;

import hudson.model.Action;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Build action listing, per {@code withInfisical} block, the project, environment, paths and the names
 * of the variables injected (never values). Shown on the build page at {@code infisical/}; also the
 * source of the sensitive variable names of freestyle builds.
 */
public final class InfisicalRunAction implements Action {
  private final List<InjectedBlock> blocks = new ArrayList<>();

  /** Records one block. */
  public synchronized void add(InjectedBlock block) {
    blocks.add(block);
  }

  /** The blocks in the order they ran. */
  public synchronized List<InjectedBlock> getBlocks() {
    return List.copyOf(blocks);
  }

  /** Every injected variable name, once, in order. */
  public synchronized Set<String> getAllNames() {
    Set<String> all = new LinkedHashSet<>();
    for (InjectedBlock b : blocks) {
      all.addAll(b.getNames());
    }
    return all;
  }

  @Override
  public String getIconFileName() {
    return "symbol-key";
  }

  @Override
  public String getDisplayName() {
    return "Infisical secrets";
  }

  @Override
  public String getUrlName() {
    return "infisical";
  }
}
