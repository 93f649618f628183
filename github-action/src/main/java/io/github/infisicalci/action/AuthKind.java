package io.github.infisicalci.action;

import java.util.Locale;
import java.util.Optional;

/** The {@code method} input. */
enum AuthKind {
  UNIVERSAL, OIDC, JWT, KUBERNETES, AWS_IAM, TOKEN;

  static Optional<AuthKind> parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "universal", "universal-auth" -> Optional.of(UNIVERSAL);
      case "oidc", "oidc-auth" -> Optional.of(OIDC);
      case "jwt", "jwt-auth" -> Optional.of(JWT);
      case "kubernetes", "kubernetes-auth" -> Optional.of(KUBERNETES);
      case "aws-iam", "aws-auth", "aws-iam-auth" -> Optional.of(AWS_IAM);
      case "token", "access-token", "service-token" -> Optional.of(TOKEN);
      default -> Optional.empty();
    };
  }

  /** The value of the {@code method} input that selects this kind. */
  String inputValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the login uses the runner's OIDC ID token. */
  boolean usesGitHubIdToken() {
    return this == OIDC || this == JWT;
  }
}
