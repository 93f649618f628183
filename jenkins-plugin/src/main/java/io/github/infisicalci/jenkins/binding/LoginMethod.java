package io.github.infisicalci.jenkins.binding;

/** The ways a block logs in to Infisical ({@link LoginOptions#method()}). */
public enum LoginMethod {
  /** With the credentials: Universal Auth, or a Secret text access or service token. */
  CREDENTIALS(""),
  /** OIDC auth with an ID token held by a Secret text credential (e.g. minted per build by oidc-provider). */
  OIDC("oidc"),
  /** JWT auth with a JWT held by a Secret text credential. */
  JWT("jwt"),
  /** Kubernetes auth with the service-account token of the pod that runs the block. */
  KUBERNETES("kubernetes"),
  /** AWS IAM auth signed with the controller's AWS credentials (instance profile, EKS service account, environment). */
  AWS_IAM("aws-iam");

  private final String inputName;

  LoginMethod(String inputName) {
    this.inputName = inputName;
  }

  /** The value of {@code authMethod} that selects it. */
  public String inputName() {
    return inputName;
  }

  /** Whether a credential is needed (Kubernetes and AWS IAM auth need none). */
  public boolean needsCredentials() {
    return this != KUBERNETES && this != AWS_IAM;
  }
}
