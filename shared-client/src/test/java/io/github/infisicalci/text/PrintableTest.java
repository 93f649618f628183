package io.github.infisicalci.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.infisicalci.client.InvalidConfigurationException;
import io.github.infisicalci.client.ProxySettings;
import io.github.infisicalci.client.secrets.ProjectRef;
import io.github.infisicalci.client.secrets.SecretsRequest;
import io.github.infisicalci.export.EnvNamePolicy;
import io.github.infisicalci.export.NamePolicy;
import org.junit.jupiter.api.Test;

/** The one rule for showing untrusted text in messages, and the shared-client callers that use it. */
class PrintableTest {
  @Test
  void quoteShowsOnlyPrintableAsciiAsItself() {
    assertEquals("plain-Name_1 ~'\"", Printable.quote("plain-Name_1 ~'\""));
    assertEquals("a<U+0000>b<U+000A>c<U+000D>d<U+0009>e<U+001B>[31m<U+007F>",
        Printable.quote("a\0b\nc\rd\te\u001b[31m\u007f"));
    assertEquals("<U+0430>dmin", Printable.quote("\u0430dmin"), "a Cyrillic look-alike shows as what it is");
    assertEquals("caf<U+00E9> <U+202E>gpj <U+200B><U+00A0><U+2028><U+0085><U+FEFF>",
        Printable.quote("caf\u00e9 \u202egpj \u200b\u00a0\u2028\u0085\ufeff"));
    assertEquals("<U+1F600> <U+D800>", Printable.quote("\ud83d\ude00 \ud800"), "one escape per code point");
    assertEquals("", Printable.quote(null));
  }

  @Test
  void quoteShowsAtMost200CodePoints() {
    assertEquals("x".repeat(200), Printable.quote("x".repeat(200)));
    assertEquals("x".repeat(200) + "…(7 more)", Printable.quote("x".repeat(207)));
    String emoji = "\ud83d\ude00".repeat(201);
    assertEquals("<U+1F600>".repeat(200) + "…(1 more)", Printable.quote(emoji));
  }

  @Test
  void lineKeepsEveryScriptButNoInvisibleOrBreakingCharacter() {
    assertEquals("Schlüssel – 鍵 → ok… ✓", Printable.line("Schlüssel – 鍵 → ok… ✓"));
    assertEquals("a<U+000A>b<U+000D>c<U+0085>d<U+2028>e<U+00A0>f<U+200B>g<U+202E>h<U+0009>",
        Printable.line("a\nb\rc\u0085d\u2028e\u00a0f\u200bg\u202eh\t"));
    assertEquals("a\nb\rc<U+0085>", Printable.line("a\nb\rc\u0085", true));
    assertEquals("", Printable.line(null));
  }

  @Test
  void clientAndExportMessagesUseIt() {
    // before: non-ASCII became '?' in the client and stayed invisible in export messages
    InvalidConfigurationException e = assertThrowsConfig(() -> SecretsRequest.builder().environment("d\u00e9\u0007v").build());
    assertTrue(e.getMessage().contains("'d<U+00E9><U+0007>v'"), e.getMessage());
    InvalidConfigurationException proxy = assertThrowsConfig(() -> ProxySettings.of("proxy\t.example", 8080));
    assertTrue(proxy.getMessage().contains("'proxy<U+0009>.example'"), proxy.getMessage());
    InvalidConfigurationException project = assertThrowsConfig(() -> ProjectRef.slug("sh\u200bop"));
    assertTrue(project.getMessage().contains("'sh<U+200B>op'"), project.getMessage());
    EnvNamePolicy github = NamePolicy.GITHUB_ACTIONS.strict();
    String described = github.problem("PA\u200bTH\n", null).orElseThrow().describe();
    assertTrue(described.contains("'PA<U+200B>TH<U+000A>'"), described);
  }

  private static InvalidConfigurationException assertThrowsConfig(Runnable r) {
    return org.junit.jupiter.api.Assertions.assertThrows(InvalidConfigurationException.class, r::run);
  }
}
