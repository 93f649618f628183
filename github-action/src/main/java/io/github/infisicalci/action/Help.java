package io.github.infisicalci.action;

/** The text {@code --help} prints. */
final class Help {
  private Help() {}

  static String text() {
    return String.join("\n",
        "infisical-action: the GitHub Action 'Infisical secrets (container)' as a jar. It logs in to",
        "Infisical, fetches the secrets of one project, environment and folder(s), registers every value",
        "with the runner's masking (::add-mask::) and exports them all or nothing (environment, outputs or",
        "a file in the workspace). It is normally started by the runner from action.yml, not by hand.",
        "",
        "Usage:",
        "  java -jar infisical-action.jar              the main step (inputs from INPUT_* variables)",
        "  java -jar infisical-action.jar post         the post step (removes the file export-type: file wrote)",
        "  java -jar infisical-action.jar --self-check exercise the normal paths offline against a built-in",
        "                                              server; exit 0 when everything works",
        "  java -jar infisical-action.jar --help       this text",
        "",
        "Inputs come as the runner passes them to a container: INPUT_ + the input name in upper case, hyphens",
        "kept (client-id arrives as INPUT_CLIENT-ID). A shell cannot export such names, so run by hand with",
        "env, e.g.:",
        "",
        "  env INPUT_DOMAIN=https://app.infisical.com INPUT_CLIENT-ID=... INPUT_CLIENT-SECRET=... \\",
        "      INPUT_PROJECT-SLUG=my-project INPUT_ENV-SLUG=dev INPUT_EXPORT-TYPE=none \\",
        "      GITHUB_WORKSPACE=$PWD java -jar infisical-action.jar",
        "",
        "With export-type env, outputs or file it also needs GITHUB_ENV / GITHUB_OUTPUT / GITHUB_WORKSPACE",
        "(files the runner provides). With method token (or no method and no client-id) an empty 'token'",
        "input is taken from INFISICAL_TOKEN. Every input is described in action.yml and",
        "docs/github-action.md.",
        "",
        "WARNING: run by hand, nothing masks the output. The ::add-mask:: lines carry every secret value",
        "and the client secret IN CLEAR, for the runner to hide; outside a runner they show on your",
        "terminal and in any log you keep. Use export-type none, and do not run it where others see the",
        "output.",
        "");
  }
}
