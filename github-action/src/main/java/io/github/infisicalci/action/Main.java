package io.github.infisicalci.action;

/** Container entrypoint (placeholder until the action lands). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("infisical action: not implemented yet");
  }
}
