package io.gyre.node.particle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.Scripts;
import io.gyre.node.TestNodes;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import io.gyre.node.services.JavaService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Particles through real peers on three nodes: hops, calls, concurrency, TTL, failures, traces. */
class ParticleFlowTest {
  private static final String RELAY = KeyPair.fromSeedName("relay").peerId().base58();
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();
  private static final String BOB = KeyPair.fromSeedName("bob").peerId().base58();
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode relay;
  private static GyreNode aliceNode;
  private static final CountDownLatch RELEASE_SLOW = new CountDownLatch(1);

  @BeforeAll
  static void start() throws Exception {
    nodes = new TestNodes(dir);
    relay = nodes.start("relay", List.of("relay"), Optional.empty());
    aliceNode = nodes.start("alice", List.of("alice"), Optional.of(relay));
    GyreNode bobNode = nodes.start("bob", List.of("bob"), Optional.of(relay));
    for (GyreNode node : List.of(relay, aliceNode, bobNode)) {
      node.awaitPeers(List.of(RELAY, ALICE, BOB)).get(60, TimeUnit.SECONDS);
      registerWho(node);
    }
    aliceNode.registerService(
        aliceNode.peerId(),
        "slow",
        call ->
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    RELEASE_SLOW.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  return CallResult.ok(new TextNode("slow done"));
                }));
    aliceNode.registerService(aliceNode.peerId(), "never", call -> new CompletableFuture<>());
    relay.registerService(
        relay.peerId(),
        "pause",
        call ->
            CompletableFuture.supplyAsync(
                () -> CallResult.ok(new TextNode("paused")),
                CompletableFuture.delayedExecutor(2500, TimeUnit.MILLISECONDS)));
  }

  /** Registers {@code who.am_i} on a node's peer, answering with the peer's id. */
  private static void registerWho(GyreNode node) {
    String id = node.peerId().base58();
    node.registerService(
        node.peerId(), "who", JavaService.of(call -> CallResult.ok(new TextNode("I am " + id))));
  }

  @AfterAll
  static void stop() {
    RELEASE_SLOW.countDown();
    nodes.close();
  }

  private static RunResult run(String air, Duration ttl) throws Exception {
    return relay
        .run(
            new RunRequest(
                air,
                Map.of("x", JsonNodeFactory.instance.numberNode(1)),
                ttl,
                Optional.empty(),
                Optional.empty()))
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  @Test
  void aParticleHopsOverPeersOnOtherNodesAndComesBack() throws Exception {
    String air =
        "(seq (seq (call \""
            + ALICE
            + "\" (\"who\" \"am_i\") [] a)"
            + " (call \""
            + BOB
            + "\" (\"who\" \"am_i\") [] b))"
            + " (call %init_peer_id% (\"callbackSrv\" \"response\") [a b]))";
    RunResult result = run(air, Duration.ofSeconds(30));

    assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
    assertEquals(
        "[\"I am " + ALICE + "\",\"I am " + BOB + "\"]",
        result.response().orElseThrow().toString());
    ParticleTrace.Snapshot trace = aliceNode.traces().snapshot(result.particleId()).orElseThrow();
    assertEquals("who", trace.calls().get(0).serviceId());
    assertTrue(
        trace.hops().stream()
            .anyMatch(h -> h.kind() == ParticleTrace.HopKind.SENT && h.otherPeerId().equals(BOB)));
  }

  @Test
  void aQuietParticleStopsItsActorAndResumesFromItsStateOnTheNextVisit() throws Exception {
    // Alice is visited twice; between the visits the particle waits 2.5 s on the relay, so
    // alice's actor has gone quiet and stopped, keeping only the particle's data.
    String air =
        "(seq (call \""
            + ALICE
            + "\" (\"who\" \"am_i\") [] a)"
            + " (seq (call %init_peer_id% (\"pause\" \"pause\") [] p)"
            + " (seq (call \""
            + ALICE
            + "\" (\"who\" \"am_i\") [] again)"
            + " (call %init_peer_id% (\"callbackSrv\" \"response\") [a p again]))))";
    long passivated = aliceNode.metrics().particlesPassivated.getLongValue();
    long resumed = aliceNode.metrics().particlesResumed.getLongValue();

    RunResult result = run(air, Duration.ofSeconds(30));

    assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
    assertEquals(
        "[\"I am " + ALICE + "\",\"paused\",\"I am " + ALICE + "\"]",
        result.response().orElseThrow().toString());
    assertTrue(
        aliceNode.metrics().particlesPassivated.getLongValue() > passivated, "alice passivated");
    assertTrue(aliceNode.metrics().particlesResumed.getLongValue() > resumed, "alice resumed it");
    ParticleTrace.Snapshot trace = aliceNode.traces().snapshot(result.particleId()).orElseThrow();
    assertEquals(
        List.of(ParticleTrace.HopKind.PASSIVATED, ParticleTrace.HopKind.RESUMED),
        trace.hops().stream()
            .filter(h -> h.peerId().equals(ALICE))
            .map(ParticleTrace.Hop::kind)
            .filter(
                k -> k == ParticleTrace.HopKind.PASSIVATED || k == ParticleTrace.HopKind.RESUMED)
            .toList()
            .subList(0, 2),
        "alice's actor stopped, then started again from the state");
    assertEquals(
        2,
        trace.calls().stream().filter(c -> c.peerId().equals(ALICE)).count(),
        "one call per visit");
  }

  @Test
  void aSlowServiceDoesNotHoldUpOtherParticles() throws Exception {
    String slowAir = Scripts.callAndRespond(ALICE, "slow", "wait", "");
    CompletableFuture<RunResult> slow =
        relay
            .run(
                new RunRequest(
                    slowAir, Map.of(), Duration.ofSeconds(60), Optional.empty(), Optional.empty()))
            .toCompletableFuture();
    String fastAir = Scripts.callAndRespond(ALICE, "who", "am_i", "");

    RunResult fast = run(fastAir, Duration.ofSeconds(30));

    assertEquals(RunResult.Status.RESPONDED, fast.status(), fast.toString());
    assertTrue(!slow.isDone(), "the slow particle is still waiting on its call");
    RELEASE_SLOW.countDown();
    assertEquals(
        "\"slow done\"", slow.get(30, TimeUnit.SECONDS).response().orElseThrow().toString());
  }

  @Test
  void aParticleThatNeverAnswersEndsWithATtlErrorNotAHang() throws Exception {
    // The relay (init peer) sends the particle to alice, whose service never answers: after 1 s
    // idle the relay keeps only the particle's state, and its caller still learns of the TTL.
    String air = Scripts.callAndRespond(ALICE, "never", "answers", "");
    RunResult result = run(air, Duration.ofSeconds(3));

    assertEquals(RunResult.Status.EXPIRED, result.status(), result.toString());
    assertTrue(
        result.message().orElseThrow().contains("within its TTL of 3000 ms"), result.toString());
    List<ParticleTrace.HopKind> atRelay =
        relay.traces().snapshot(result.particleId()).orElseThrow().hops().stream()
            .filter(h -> h.peerId().equals(RELAY))
            .map(ParticleTrace.Hop::kind)
            .toList();
    assertTrue(
        atRelay.indexOf(ParticleTrace.HopKind.PASSIVATED)
                < atRelay.indexOf(ParticleTrace.HopKind.EXPIRED)
            && atRelay.contains(ParticleTrace.HopKind.PASSIVATED),
        atRelay.toString());
  }

  @Test
  void malformedAirFailsOnTheInitPeerWithTheInterpretersError() throws Exception {
    RunResult result =
        run("(seq (call %init_peer_id% (\"op\" \"noop\") [])", Duration.ofSeconds(10));

    assertEquals(RunResult.Status.FAILED, result.status(), result.toString());
    assertTrue(result.message().orElseThrow().contains("interpreter error"), result.toString());
  }

  @Test
  void aFailingServiceReachesTheScriptAsACatchableError() throws Exception {
    String air = Scripts.orErrorMessage(Scripts.callAndRespond(ALICE, "nobody", "here", ""));
    RunResult result = run(air, Duration.ofSeconds(30));

    assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
    JsonNode message = result.response().orElseThrow();
    assertTrue(
        message.asText().contains("No service found for service call: serviceId='nobody'"),
        message.toString());
  }

  @Test
  void dataAlteredOnTheWayIsRefusedAndCounted() throws Exception {
    // Eve runs a script whose next step is a call on alice, signs her data, then a byte of it is
    // flipped before it reaches alice.
    KeyPair eve = KeyPair.fromSeedName("eve");
    String air = "(seq (null) (call \"" + ALICE + "\" (\"who\" \"am_i\") [] r))";
    Particle particle =
        ParticleSignature.sign(eve, "tampered-1", System.currentTimeMillis(), 30_000, air);
    io.gyre.air.Outcome atEve =
        new io.gyre.air.Interpreter(io.gyre.air.AirLimits.AQUAVM_DEFAULTS)
            .run(
                air,
                new byte[0],
                new byte[0],
                Map.of(),
                new io.gyre.air.RunContext(
                    eve,
                    particle.id(),
                    eve.peerId().base58(),
                    particle.timestampMs(),
                    particle.ttlMs(),
                    System.currentTimeMillis()));
    assertEquals(List.of(ALICE), atEve.nextPeers());
    byte[] altered = atEve.data().clone();
    altered[altered.length - 1] ^= 1;
    long refusedBefore = refusedData(aliceNode);

    aliceNode
        .knownPeers()
        .inbox(ALICE)
        .orElseThrow()
        .tell(new ParticleInbox.Deliver(particle.withData(altered), eve.peerId().base58()));

    long deadline = System.currentTimeMillis() + 30_000;
    long refused = refusedBefore;
    while (refused == refusedBefore && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      refused = refusedData(aliceNode);
    }
    assertEquals(refusedBefore + 1, refused);
    ParticleTrace.Snapshot trace = aliceNode.traces().snapshot("tampered-1").orElseThrow();
    assertEquals(List.of(), trace.calls(), "nothing of the altered particle ran");
    assertEquals(1, trace.failures().size());
  }

  /** Arrivals refused for their data: altered signatures, or bytes that do not decode. */
  private static long refusedData(GyreNode node) {
    return node.metrics()
            .refusedCount(io.gyre.node.metrics.NodeMetrics.RefusalReason.BAD_DATA_SIGNATURE)
        + node.metrics().refusedCount(io.gyre.node.metrics.NodeMetrics.RefusalReason.MALFORMED);
  }

  @Test
  void sendingToAnUnknownPeerFailsAtOnceNamingIt() throws Exception {
    String eve = KeyPair.fromSeedName("eve").peerId().base58();
    long before = relay.metrics().particlesUndelivered.getLongValue();
    long sent = System.nanoTime();
    RunResult result =
        run("(call \"" + eve + "\" (\"who\" \"am_i\") [] r)", Duration.ofSeconds(30));
    long failedAfterMs = (System.nanoTime() - sent) / 1_000_000;

    assertEquals(RunResult.Status.UNDELIVERED, result.status(), result.toString());
    assertEquals(
        "no route to peer " + eve + " (not a member of this cluster)",
        result.message().orElseThrow());
    assertTrue(failedAfterMs < 1_000, "within a second, not at the 30 s TTL: " + failedAfterMs);
    assertEquals(before + 1, relay.metrics().particlesUndelivered.getLongValue());
    ParticleTrace.Hop hop =
        relay.traces().snapshot(result.particleId()).orElseThrow().hops().stream()
            .filter(h -> h.kind() == ParticleTrace.HopKind.UNDELIVERED)
            .findFirst()
            .orElseThrow();
    assertEquals(eve, hop.otherPeerId());
    assertEquals(result.message().orElseThrow(), hop.detail());
  }

  @Test
  void aPeerOnTheWayThatCannotSendOnTellsTheInitPeerAtOnce() throws Exception {
    String eve = KeyPair.fromSeedName("eve").peerId().base58();
    String air =
        "(seq (call \""
            + ALICE
            + "\" (\"who\" \"am_i\") [] a) (call \""
            + eve
            + "\" (\"who\" \"am_i\") [] b))";
    long sent = System.nanoTime();
    RunResult result = run(air, Duration.ofSeconds(30));
    long failedAfterMs = (System.nanoTime() - sent) / 1_000_000;

    assertEquals(RunResult.Status.UNDELIVERED, result.status(), result.toString());
    assertTrue(
        result.message().orElseThrow().contains("no route to peer " + eve), result.toString());
    assertTrue(failedAfterMs < 1_000, "within a second, not at the 30 s TTL: " + failedAfterMs);
    assertTrue(
        aliceNode.traces().snapshot(result.particleId()).orElseThrow().hops().stream()
            .anyMatch(
                h -> h.kind() == ParticleTrace.HopKind.UNDELIVERED && h.peerId().equals(ALICE)),
        "alice's trace has the undelivered send");
  }

  @Test
  void aScriptThatRacesAnUnreachablePeerWithATimeoutStillGetsItsFallback() throws Exception {
    // Aqua's way of handling an unreachable peer: a par with Peer.timeout on the init peer. The
    // init peer has that call pending when it learns of the undelivered send, so it waits for it.
    String eve = KeyPair.fromSeedName("eve").peerId().base58();
    String air =
        "(seq (par (call \""
            + eve
            + "\" (\"who\" \"am_i\") [] $r)"
            + " (call %init_peer_id% (\"peer\" \"timeout\") [300 \"timed out\"] $r))"
            + " (seq (canon %init_peer_id% $r #r)"
            + " (call %init_peer_id% (\"callbackSrv\" \"response\") [#r])))";
    RunResult result = run(air, Duration.ofSeconds(30));

    assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
    assertEquals("[\"timed out\"]", result.response().orElseThrow().toString());
  }
}
