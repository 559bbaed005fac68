package io.gyre.node.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.node.GyreNode;
import io.gyre.node.Scripts;
import io.gyre.node.TestNodes;
import io.gyre.node.run.RunResult;
import io.gyre.node.run.RunSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three peer nodes in three JVMs on loopback (relay; alice and dave; bob and carol), started and
 * stopped by the test; the init peer on the test's own client node. The whole corpus runs through
 * them; then the process of bob and carol is killed mid-run and restarted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessClusterTest {
  private static final String INIT = id("init");
  private static final String ALICE = id("alice");
  private static final String BOB = id("bob");

  @TempDir static Path dir;
  private TestNodes nodes;
  private GyreNode client;
  private final List<PeerProcess> processes = new ArrayList<>();
  private ConformanceServices services;
  private List<ConformanceCase> cases;

  private static String id(String seed) {
    return KeyPair.fromSeedName(seed).peerId().base58();
  }

  @BeforeAll
  void startCluster() throws Exception {
    cases = ConformanceCases.load().stream().filter(ConformanceCase::runnable).toList();
    services = new ConformanceServices(cases);
    nodes = new TestNodes(dir);
    client = nodes.start("client", List.of("init"), Optional.empty());
    services.registerOn(client);
    for (int i = 0; i < ClusterConformanceTest.PEER_NODES.size(); i++) {
      processes.add(startProcess(i));
    }
    for (PeerProcess process : processes) {
      process.awaitReady(180);
    }
    List<String> ids =
        ClusterConformanceTest.ALL_PEERS.stream().map(ProcessClusterTest::id).toList();
    client.awaitPeers(ids).get(120, TimeUnit.SECONDS);
  }

  private PeerProcess startProcess(int index) throws Exception {
    return PeerProcess.start(
        "n" + (index + 1),
        dir.resolve("n" + (index + 1)),
        ClusterConformanceTest.PEER_NODES.get(index),
        "127.0.0.1:" + client.clusterPort(),
        ConformanceCases.directory());
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (PeerProcess process : processes) {
      process.close();
    }
    nodes.close();
  }

  @Test
  @Order(1)
  void everyRunnableCasePassesThroughPeersInOtherProcesses() throws Exception {
    List<CorpusRunner.TraceSource> sources = new ArrayList<>(List.of(CorpusRunner.local(client)));
    processes.forEach(p -> sources.add(p::trace));
    CorpusRunner runner = new CorpusRunner(client, services, sources);

    List<String> failures = runner.failures(cases);
    assertEquals(36, cases.size());
    assertEquals(List.of(), failures, String.join("\n", failures));
  }

  @Test
  @Order(2)
  void killingAPeersProcessFailsOnlyTheParticlesThatNeedItAndItsRestartServesAgain()
      throws Exception {
    PeerProcess bobsProcess = processes.get(2);
    String slowOnBob = Scripts.callAndRespond(BOB, "slow", "wait", "4000");
    String echoOnAlice = Scripts.callAndRespond(ALICE, "echo", "say", "\"hi\"");
    String echoOnBob = Scripts.callAndRespond(BOB, "echo", "say", "\"hi\"");

    Started inFlight = start(slowOnBob, 8_000);
    awaitArrival(bobsProcess, inFlight.particleId());
    long killedAt = System.currentTimeMillis();
    bobsProcess.kill();

    RunResult unaffected = start(echoOnAlice, 20_000).result().get(30, TimeUnit.SECONDS);
    assertEquals(RunResult.Status.RESPONDED, unaffected.status(), unaffected.toString());
    assertEquals(
        "\"" + ALICE + " says [\\\"hi\\\"]\"", unaffected.response().orElseThrow().toString());

    Started needsBob = start(echoOnBob, 3_000);
    RunResult lost = inFlight.result().get(30, TimeUnit.SECONDS);
    assertEquals(RunResult.Status.EXPIRED, lost.status(), lost.toString());
    assertTrue(
        System.currentTimeMillis() - killedAt < 20_000,
        "the caller learns of the loss at the TTL, not later");
    assertEquals(RunResult.Status.EXPIRED, needsBob.result().get(30, TimeUnit.SECONDS).status());

    PeerProcess restarted = startProcess(2);
    processes.set(2, restarted);
    restarted.awaitReady(180);
    RunResult served = null;
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      served = start(echoOnBob, 3_000).result().get(30, TimeUnit.SECONDS);
      if (served.status() == RunResult.Status.RESPONDED) {
        break;
      }
    }
    assertEquals(
        RunResult.Status.RESPONDED, served.status(), "the restarted peer serves again: " + served);
    assertEquals("\"" + BOB + " says [\\\"hi\\\"]\"", served.response().orElseThrow().toString());
  }

  private record Started(String particleId, CompletableFuture<RunResult> result) {}

  private Started start(String air, long ttlMs) throws Exception {
    String particleId = "kill~" + UUID.randomUUID();
    RunSession session = new RunSession(particleId, INIT, Map.of(), ttlMs, Clock.systemUTC());
    Particle particle =
        ParticleSignature.sign(
            client.key(PeerId.parse(INIT).orElseThrow()),
            particleId,
            System.currentTimeMillis(),
            ttlMs,
            air);
    Optional<String> refusal =
        client
            .startParticle(PeerId.parse(INIT).orElseThrow(), particle, session)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertEquals(Optional.empty(), refusal);
    return new Started(particleId, session.result());
  }

  private static void awaitArrival(PeerProcess process, String particleId)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      if (process
          .trace(particleId)
          .map(t -> t.path("pending_work").asInt() > 0 || t.path("hops").size() > 0)
          .orElse(false)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the particle never reached " + particleId);
  }
}
