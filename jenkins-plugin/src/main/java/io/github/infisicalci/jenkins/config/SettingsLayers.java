package io.github.infisicalci.jenkins.config;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.model.Item;
import hudson.model.ItemGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects the defaults that apply to an item: global configuration, then each enclosing folder, outermost first. */
public final class SettingsLayers {
  private SettingsLayers() {
  }

  /** Global and folder layers for {@code item} (itself included when it is a folder), outermost first. */
  public static List<InfisicalSettings> of(Item item) {
    List<InfisicalSettings> folders = new ArrayList<>();
    Object node = item;
    while (node instanceof Item current) {
      if (current instanceof AbstractFolder<?> folder) {
        InfisicalFolderProperty p = folder.getProperties().get(InfisicalFolderProperty.class);
        if (p != null) {
          folders.add(p.toSettings());
        }
      }
      ItemGroup<?> parent = current.getParent();
      node = parent;
    }
    Collections.reverse(folders);
    List<InfisicalSettings> layers = new ArrayList<>();
    layers.add(InfisicalGlobalConfiguration.get().toSettings());
    layers.addAll(folders);
    return layers;
  }

  /**
   * The protected names allowed for blocks in {@code item}: the global configuration's and every enclosing
   * folder's entries together (the block adds its own), as the raw texts of those fields.
   */
  public static List<String> allowedNames(Item item) {
    List<String> texts = new ArrayList<>();
    texts.add(InfisicalGlobalConfiguration.get().getAllowedNames());
    Object node = item;
    while (node instanceof Item current) {
      if (current instanceof AbstractFolder<?> folder) {
        InfisicalFolderProperty p = folder.getProperties().get(InfisicalFolderProperty.class);
        if (p != null) {
          texts.add(p.getAllowedNames());
        }
      }
      node = current.getParent();
    }
    texts.removeIf(t -> t == null);
    return texts;
  }

  /** The merged defaults that apply to {@code item} (the global ones when {@code null}). */
  public static InfisicalSettings enclosing(Item item) {
    return item == null ? InfisicalGlobalConfiguration.get().toSettings() : InfisicalSettings.merge(of(item));
  }

  /** {@code formValue} when set, else the URL the enclosing defaults give. */
  public static String effectiveServerUrl(Item item, String formValue) {
    InfisicalSettings s = enclosing(item).overriddenBy(InfisicalSettings.connection(formValue, null, null, null, null));
    return FormSupport.serverUrlOf(s);
  }
}
