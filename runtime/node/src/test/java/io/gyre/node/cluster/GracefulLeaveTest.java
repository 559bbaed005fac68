package io.gyre.node.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.Scripts;
import io.gyre.node.TestNodes;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulLeaveTest {
  private static final String RELAY = KeyPair.fromSeedName("relay").peerId().base58();
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();
  @TempDir Path dir;

  @Test
  void aLeavingPeerStopsTakingParticlesButFinishesTheOnesItHolds() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode relay = nodes.start("relay", List.of("relay"), Optional.empty());
      GyreNode alice = nodes.start("alice", List.of("alice"), Optional.of(relay));
      relay.awaitPeers(List.of(ALICE)).get(60, TimeUnit.SECONDS);
      alice.awaitPeers(List.of(RELAY)).get(60, TimeUnit.SECONDS);
      alice.registerService(
          alice.peerId(),
          "slow",
          call ->
              CompletableFuture.supplyAsync(
                  () -> CallResult.ok(new TextNode("finished while leaving")),
                  CompletableFuture.delayedExecutor(3, TimeUnit.SECONDS)));
      String air = Scripts.callAndRespond(ALICE, "slow", "work", "");

      CompletableFuture<RunResult> held =
          relay
              .run(
                  new RunRequest(
                      air, Map.of(), Duration.ofSeconds(30), Optional.empty(), Optional.empty()))
              .toCompletableFuture();
      long deadline = System.currentTimeMillis() + 30_000;
      while (alice.metrics().particlesInFlight.get() == 0
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      CompletableFuture<?> leaving = alice.stop().toCompletableFuture();

      while (relay.knownPeers().contains(ALICE) && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertFalse(relay.knownPeers().contains(ALICE), "alice stopped taking particles");
      assertFalse(held.isDone(), "the held particle is still being worked on");
      RunResult result = held.get(30, TimeUnit.SECONDS);
      assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
      assertEquals("finished while leaving", result.response().orElseThrow().asText());
      leaving.get(60, TimeUnit.SECONDS);
      assertTrue(alice.whenTerminated().toCompletableFuture().isDone());
    }
  }
}
