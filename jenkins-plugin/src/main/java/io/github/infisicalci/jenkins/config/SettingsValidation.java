package io.github.infisicalci.jenkins.config;

import io.github.infisicalci.text.Printable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax rules for configured values, each problem one sentence naming the field. No outbound calls. */
public final class SettingsValidation {
  /** The user-info part of a URL ({@code scheme://user:password@}), never echoed in a message. */
  private static final Pattern USER_INFO = Pattern.compile("^([^:/?#]*://)[^/?#]*@");

  private SettingsValidation() {
  }

  /** Every problem of a layer's set fields. */
  public static List<String> problems(InfisicalSettings s) {
    List<String> out = new ArrayList<>();
    if (s.serverUrl() != null) {
      serverUrlProblem(s.serverUrl()).ifPresent(out::add);
    }
    if (s.projectId() != null) {
      nameProblem("projectId", s.projectId()).ifPresent(out::add);
    }
    if (s.projectSlug() != null) {
      nameProblem("projectSlug", s.projectSlug()).ifPresent(out::add);
    }
    if (s.environment() != null) {
      nameProblem("environment", s.environment()).ifPresent(out::add);
    }
    if (s.credentialsId() != null) {
      nameProblem("credentialsId", s.credentialsId()).ifPresent(out::add);
    }
    if (s.caCertificate() != null && !s.caCertificate().contains("-----BEGIN CERTIFICATE-----")) {
      out.add("caCertificate must hold one or more PEM certificates (-----BEGIN CERTIFICATE-----)");
    }
    return out;
  }

  /** An http(s) URL with a host, without credentials, query or fragment. */
  public static Optional<String> serverUrlProblem(String value) {
    String v = value.trim();
    String shown = printable(USER_INFO.matcher(v).replaceFirst("$1****@"));
    URI uri;
    try {
      uri = new URI(v);
    } catch (URISyntaxException e) {
      return Optional.of("serverUrl '" + shown + "' is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("serverUrl must start with https:// (or http://), was '" + shown + "'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("serverUrl '" + shown + "' has no host name");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("serverUrl must not contain a user name or password");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("serverUrl must not contain '?' or '#'");
    }
    return Optional.empty();
  }

  /** A single token of printable ASCII without spaces or URL delimiters (slugs, ids). */
  public static Optional<String> nameProblem(String field, String value) {
    String v = value.trim();
    boolean ok = !v.isEmpty() && v.chars().allMatch(c -> c > 0x20 && c < 0x7f && "/?#%\\\"'".indexOf(c) < 0);
    return ok ? Optional.empty()
        : Optional.of(field + " '" + printable(v) + "' must be one word without spaces, quotes or / ? # % \\ characters");
  }

  static String printable(String s) {
    return Printable.quote(s);
  }
}
