package io.gyre.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that founded a cluster and is restarted without seed nodes rejoins it through the members
 * it remembers, unless told to found a new one; either way /health says how it stands.
 */
class RejoinTest {
  @TempDir Path dir;

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void aRestartedFounderRejoinsItsClusterAndOnlyFoundsANewOneWhenTold() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode founder = nodes.start("founder", List.of("alice"), Optional.empty());
      GyreNode member = nodes.start("member", List.of("bob"), Optional.of(founder));
      await(() -> founder.memberCount() == 2 && member.memberCount() == 2, "two members");
      int port = founder.clusterPort();
      await(
          () -> !new RememberedMembers(founder.settings().dataDir()).others("x").isEmpty(),
          "the founder remembers its cluster");
      founder.stop().toCompletableFuture().join();
      await(() -> member.memberCount() == 1, "the founder left");

      // Restarted as the README starts a first node: no seed nodes.
      GyreNode back =
          nodes.start(
              "founder",
              List.of("alice"),
              Optional.empty(),
              Map.of("gyre.node.cluster-port", String.valueOf(port)));
      await(() -> back.memberCount() == 2 && member.memberCount() == 2, "the founder rejoined");
      assertTrue(back.clusterHealth().inMajority());
      assertEquals(List.of(), back.clusterHealth().missing());
      back.stop().toCompletableFuture().join();
      await(() -> member.memberCount() == 1, "the founder left again");

      GyreNode apart =
          nodes.start(
              "founder",
              List.of("alice"),
              Optional.empty(),
              Map.of(
                  "gyre.node.cluster-port", String.valueOf(port), "gyre.node.new-cluster", "on"));
      await(() -> apart.memberCount() == 1, "a cluster of its own");
      assertEquals(1, member.memberCount(), "the other cluster is untouched");
      assertEquals(
          List.of("127.0.0.1:" + member.clusterPort()),
          apart.clusterHealth().missing(),
          "/health names the member it remembers and is not with");
    }
  }
}
