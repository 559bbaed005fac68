package io.gyre.testkit.packages;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The testkit itself has Akka (its journal systems), so the rule must fail here. */
class AkkaFreeTest {
  @Test
  void failsWhereAkkaIsOnTheClassPath() {
    AssertionError error = assertThrows(AssertionError.class, AkkaFree::assertNoAkkaOnClassPath);
    assertTrue(error.getMessage().contains("akka/actor/ActorSystem.class"), error.getMessage());
  }
}
