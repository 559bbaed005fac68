package io.gyre.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The order the bot asks its replicas in. */
class ReplicasTest {
  @Test
  void asksTheDealsUnitsInOrderAtFirst() {
    Replicas replicas = new Replicas();
    assertTrue(replicas.update(List.of("a", "b")));
    assertEquals(List.of("a", "b"), replicas.inOrder());
  }

  @Test
  void aReplicaThatFailedIsAskedLastAndOneThatAnsweredFirst() {
    Replicas replicas = new Replicas();
    replicas.update(List.of("a", "b", "c"));
    replicas.failed("a");
    assertEquals(List.of("b", "c", "a"), replicas.inOrder());
    replicas.answered("c");
    assertEquals(List.of("c", "b", "a"), replicas.inOrder());
    replicas.answered("a");
    assertEquals(List.of("a", "b", "c"), replicas.inOrder());
  }

  @Test
  void aRematchedUnitReplacesTheLostOne() {
    Replicas replicas = new Replicas();
    replicas.update(List.of("a", "b"));
    replicas.answered("a");
    replicas.failed("b");
    assertTrue(replicas.update(List.of("a", "c")));
    assertEquals(List.of("a", "c"), replicas.inOrder());
    assertFalse(replicas.update(List.of("a", "c")), "the same units are no change");
  }

  @Test
  void theLastToAnswerLeavesTheOrderWhenItsUnitIsGone() {
    Replicas replicas = new Replicas();
    replicas.update(List.of("a", "b"));
    replicas.answered("b");
    replicas.update(List.of("a"));
    assertEquals(List.of("a"), replicas.inOrder());
  }
}
