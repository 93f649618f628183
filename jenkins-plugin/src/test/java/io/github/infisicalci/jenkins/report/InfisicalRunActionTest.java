package io.github.infisicalci.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InfisicalRunActionTest {

  @Test
  void listsBlocksInOrderAndEveryNameOnce() {
    InfisicalRunAction action = new InfisicalRunAction();
    action.add(new InjectedBlock("shop", "prod", List.of("/"), List.of("DB_PASSWORD", "API_KEY")));
    action.add(new InjectedBlock("shop", "prod", List.of("/stripe"), List.of("STRIPE_KEY", "API_KEY")));

    assertEquals(2, action.getBlocks().size());
    assertEquals(List.of("/stripe"), action.getBlocks().get(1).getPaths());
    assertEquals(List.of("DB_PASSWORD", "API_KEY", "STRIPE_KEY"), List.copyOf(action.getAllNames()));
    assertEquals("infisical", action.getUrlName());
  }

  @Test
  void blocksCopyTheirInputsAndAreReadOnly() {
    List<String> names = new ArrayList<>(List.of("A"));
    InjectedBlock block = new InjectedBlock("p", "dev", List.of("/"), names);
    names.add("B");
    assertEquals(List.of("A"), block.getNames());
    assertThrows(UnsupportedOperationException.class, () -> block.getNames().add("C"));
    assertEquals(Set.of(), new InfisicalRunAction().getAllNames());
  }

  @Test
  void warningsAreKeptAndOldRecordsHaveNone() {
    InjectedBlock block = new InjectedBlock("p", "dev", List.of("/"), List.of("A"),
        List.of("secret 'PATH' was not exported: name 'PATH' is protected"));
    assertEquals(1, block.getWarnings().size());
    assertEquals(List.of(), new InjectedBlock("p", "dev", List.of("/"), List.of("A")).getWarnings());
  }
}
