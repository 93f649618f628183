package io.github.infisicalci.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this library, from a resource filtered by the build. */
final class ClientVersion {
  private static final String VERSION = load();

  private ClientVersion() {
  }

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ClientVersion.class.getResourceAsStream("client-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isBlank() && !v.startsWith("${")) {
          return v.trim();
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return "unknown";
  }
}
