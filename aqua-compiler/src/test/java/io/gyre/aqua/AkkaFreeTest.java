package io.gyre.aqua;

import io.gyre.testkit.packages.AkkaFree;
import org.junit.jupiter.api.Test;

/** DESIGN.md: this module never depends on Akka, directly or through a dependency. */
class AkkaFreeTest {
  @Test
  void akkaIsNotOnTheClassPath() {
    AkkaFree.assertNoAkkaOnClassPath();
  }
}
