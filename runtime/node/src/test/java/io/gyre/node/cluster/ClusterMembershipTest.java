package io.gyre.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterMembershipTest {
  @TempDir Path dir;

  private static String id(String seed) {
    return KeyPair.fromSeedName(seed).peerId().base58();
  }

  @Test
  void nodesThatJoinASeedKnowEveryPeerOfEveryNode() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode first = nodes.start("n1", List.of("relay"), Optional.empty());
      GyreNode second = nodes.start("n2", List.of("alice", "dave"), Optional.of(first));
      GyreNode third = nodes.start("n3", List.of("bob", "carol"), Optional.of(first));
      List<String> all = List.of(id("relay"), id("alice"), id("dave"), id("bob"), id("carol"));

      for (GyreNode node : List.of(first, second, third)) {
        node.awaitPeers(all).get(60, TimeUnit.SECONDS);
      }
      assertEquals(
          List.of(KeyPair.fromSeedName("alice").peerId(), KeyPair.fromSeedName("dave").peerId()),
          second.peerIds());
      assertTrue(third.knownPeers().nodeAddress(id("relay"), null).isPresent());
    }
  }

  @Test
  void aPeerThatLeavesGracefullyIsForgottenByTheOthers() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode first = nodes.start("n1", List.of("relay"), Optional.empty());
      GyreNode second = nodes.start("n2", List.of("alice"), Optional.of(first));
      first.awaitPeers(List.of(id("alice"))).get(60, TimeUnit.SECONDS);

      second.stop().toCompletableFuture().get(60, TimeUnit.SECONDS);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (first.knownPeers().contains(id("alice")) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertFalse(first.knownPeers().contains(id("alice")));
    }
  }
}
