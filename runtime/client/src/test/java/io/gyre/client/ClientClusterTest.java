package io.gyre.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleError;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.client.internal.RelayLink;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.net.Multiaddr;
import io.gyre.node.GyreNode;
import io.gyre.node.services.ServiceRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SDK clients against a real cluster of 5 peers over real sockets: peers 0 and 1 are the clients'
 * relays, peer 2 hosts the WASM service, peer 3 is a relay that one test kills, peer 4 a relay that
 * one test restarts.
 */
class ClientClusterTest {
  @TempDir static Path dir;
  private static TestCluster cluster;
  private static Map<String, AquaFunction> functions;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(dir.resolve("cluster"), 5);
    Path aqua = dir.resolve("cluster.aqua");
    try (InputStream in = ClientClusterTest.class.getResourceAsStream("cluster.aqua")) {
      Files.write(aqua, in.readAllBytes());
    }
    functions =
        AquaFunctions.compile(List.of(aqua), List.of()).stream()
            .collect(java.util.stream.Collectors.toMap(AquaFunction::name, f -> f));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static AquaFunction fn(String name) {
    return functions.get(name);
  }

  /** Generous: longer than any call's TTL here, so a call ends by itself before this gives up. */
  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(120, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(future));
    return e.getCause();
  }

  /** The service's record once the cluster's replication has brought it to peer 2's node. */
  private static ServiceRecord replicated(String serviceId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      var found =
          cluster.node(2).clusterServices().stream()
              .filter(s -> s.id().equals(serviceId))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("service " + serviceId + " was not replicated within 30 s");
  }

  private static String greetingWasm() throws Exception {
    try (InputStream in = ClientClusterTest.class.getResourceAsStream("/wasm/greeting.wasm")) {
      return Base64.getEncoder().encodeToString(in.readAllBytes());
    }
  }

  @Test
  void aClientOnOnePeerDeploysAndCallsAWasmServiceOnAnotherAndOwnsIt() throws Exception {
    String host = cluster.peerId(2);
    try (GyreClient owner = GyreClient.connect(cluster.tcp(0));
        GyreClient other = GyreClient.connect(cluster.webSocket(1))) {
      String serviceId = await(owner.call(fn("deployGreeting"), host, greetingWasm())).asText();
      JsonNode greeting = await(owner.call(fn("greet"), host, serviceId, "Ada"));
      assertEquals("Hello, Ada!", greeting.asText());
      // the client over WebSocket, on another relay, calls it too
      assertEquals("Hello, Bo!", await(other.call(fn("greet"), host, serviceId, "Bo")).asText());

      ServiceRecord record = replicated(serviceId);
      assertEquals(owner.peerId().base58(), record.ownerPeerId());
      Throwable refused = failure(other.call(fn("remove"), host, serviceId));
      assertInstanceOf(CallFailed.class, refused);
      assertTrue(refused.getMessage().contains(other.peerId().base58()), refused.getMessage());
      assertEquals(true, await(owner.call(fn("remove"), host, serviceId)).asBoolean());
    }
  }

  @Test
  void twoClientsOnDifferentRelaysAnswerEachOthersServices() throws Exception {
    try (GyreClient ann = GyreClient.connect(cluster.tcp(0));
        GyreClient ben = GyreClient.connect(cluster.tcp(1))) {
      ann.registerService("chat", new Chat("ann"));
      ben.registerService(
          "chat",
          (function, args) ->
              "ben got '" + args.get(1, String.class) + "' from " + args.get(0, String.class));
      JsonNode fromBen =
          await(ann.call(fn("tell"), ben.peerId().base58(), cluster.peerId(1), "hello Ben"));
      assertEquals("ben got 'hello Ben' from " + ann.peerId().base58(), fromBen.asText());
      JsonNode fromAnn =
          await(
              ben.call(
                  fn("tell"),
                  Map.of(
                      "client", ann.peerId().base58(),
                      "clientRelay", cluster.peerId(0),
                      "text", "hi Ann")));
      assertEquals("ann got 'hi Ann' from " + ben.peerId().base58(), fromAnn.asText());
    }
  }

  /** A service as an annotated object. */
  public static final class Chat {
    private final String name;

    Chat(String name) {
      this.name = name;
    }

    @ServiceFunction
    public String receive(String from, String text) {
      return name + " got '" + text + "' from " + from;
    }
  }

  @Test
  void aClientWhoseRelayIsKilledReconnectsToAnotherAndItsNextCallSucceeds() throws Exception {
    ClientOptions options =
        ClientOptions.of(List.of(cluster.tcp(3), cluster.tcp(0)), KeyPair.generate())
            .withTtl(Duration.ofSeconds(60))
            .withMaxBackoff(Duration.ofSeconds(1));
    try (GyreClient client = GyreClient.connect(options)) {
      assertEquals(cluster.peerId(3), client.relayPeerId().orElseThrow().base58());
      // a call in flight through the relay about to die: its answer can no longer reach us. The
      // peer waits longer than the particle lives, so however slow the machine, only the lost
      // connection (Disconnected) or the TTL (ParticleExpired, a failure here) can end it.
      CallFuture inFlight = client.call(fn("waitOn"), cluster.peerId(2), 300_000);
      // kill only once the particle is past its relay: one still arriving there would be refused
      // as the relay shuts down, a different failure
      awaitTrue(
          "the particle reached peer 2",
          () -> cluster.node(2).traces().snapshot(inFlight.particleId()).isPresent());
      System.out.println("killing relay " + cluster.peerId(3));
      cluster.kill(3);
      Throwable lost = failure(inFlight);
      assertInstanceOf(Disconnected.class, lost, lost.toString());
      assertEquals(inFlight.particleId(), ((Disconnected) lost).particleId());

      // wait for the relay it ends up on, not for its first connection: an attempt may still
      // meet the dying relay before its sockets close
      awaitTrue(
          "the client connected to relay 0",
          () -> client.relayPeerId().map(p -> p.base58().equals(cluster.peerId(0))).orElse(false));
      assertEquals("waited", await(client.call(fn("waitOn"), cluster.peerId(2), 1)).asText());
    }
  }

  /** Waits for {@code condition}, generously: a loaded machine may be slow, never wrong. */
  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 120 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  @Test
  void aClientWhoseOnlyRelayRestartsReconnectsToItByItselfAndItsCallsWorkAgain() throws Exception {
    ClientOptions options =
        ClientOptions.of(List.of(cluster.tcp(4)), KeyPair.generate())
            .withMaxBackoff(Duration.ofSeconds(1));
    try (GyreClient client = GyreClient.connect(options)) {
      assertEquals("reached", await(client.call(fn("nowhere"), cluster.peerId(2))).asText());
      GyreNode before = cluster.node(4);
      List<Multiaddr> addresses = before.clientAddresses();

      cluster.restart(4);

      GyreNode after = cluster.node(4);
      assertNotSame(before, after);
      assertEquals(addresses, after.clientAddresses(), "the same ports and the same peer id");
      // nobody tells the client: its own back-off brings it to the relay's new incarnation
      awaitTrue(
          "the client attached to the restarted relay",
          () -> after.attachedClients() == 1 && client.relayPeerId().isPresent());
      assertEquals(cluster.peerId(4), client.relayPeerId().orElseThrow().base58());
      assertEquals("reached", await(client.call(fn("nowhere"), cluster.peerId(2))).asText());
    }
  }

  @Test
  void aParticleSentInAnotherClientsNameOrSignedWithAnotherKeyIsRefusedByTheRelay()
      throws Exception {
    String relay = cluster.peerId(0);
    KeyPair mallory = KeyPair.generate();
    List<String> heard = new CopyOnWriteArrayList<>();
    BlockingQueue<ParticleError> refusals = new LinkedBlockingQueue<>();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    // The SDK signs everything with its own key: a forger uses its wire, the relay link, directly.
    try (GyreClient victim = GyreClient.connect(cluster.tcp(0));
        GyreClient bystander = GyreClient.connect(cluster.tcp(1));
        RelayLink forger =
            new RelayLink(
                mallory,
                List.of(cluster.tcp(0)),
                refusalsInto(refusals),
                timer,
                Duration.ofSeconds(1),
                1 << 20)) {
      victim.registerService(
          "chat",
          (function, args) -> {
            heard.add(args.get(1, String.class));
            return "ok";
          });
      forger.connect(Duration.ofSeconds(30));
      String victimId = victim.peerId().base58();
      String toVictim =
          "(seq (call \""
              + relay
              + "\" (\"op\" \"noop\") [])"
              + " (call \""
              + victimId
              + "\" (\"chat\" \"receive\") [\"mallory\" \"forged\"]))";

      // the victim's own particle, its signature genuine, sent over mallory's connection
      Particle replayed = signed(victim.key(), toVictim);
      assertTrue(forger.send(replayed));
      ParticleError notYours = nextRefusal(refusals);
      assertEquals(ParticleError.Code.NOT_YOURS, notYours.code());
      assertEquals(replayed.id(), notYours.particleId());
      assertTrue(
          notYours.message().contains("this connection proved " + mallory.peerId().base58()),
          notYours.message());

      // a particle in mallory's own name whose signature is another key's
      Particle signedByVictim = signed(victim.key(), toVictim);
      Particle forged =
          new Particle(
              signedByVictim.id(),
              mallory.peerId().base58(),
              signedByVictim.timestampMs(),
              signedByVictim.ttlMs(),
              signedByVictim.script(),
              signedByVictim.signature(),
              signedByVictim.data());
      assertTrue(forger.send(forged));
      ParticleError badSignature = nextRefusal(refusals);
      assertEquals(ParticleError.Code.BAD_SIGNATURE, badSignature.code());
      assertEquals(forged.id(), badSignature.particleId());

      // neither reached the victim: a genuine particle along the same way does, and only it
      JsonNode answer = await(bystander.call(fn("tell"), victimId, relay, "genuine"));
      assertEquals("ok", answer.asText());
      assertEquals(List.of("genuine"), heard);
      assertTrue(refusals.isEmpty(), refusals.toString());
    } finally {
      timer.shutdownNow();
    }
  }

  private static Particle signed(KeyPair key, String script) {
    return ParticleSignature.sign(
        key, UUID.randomUUID().toString(), System.currentTimeMillis(), 30_000, script);
  }

  private static ParticleError nextRefusal(BlockingQueue<ParticleError> refusals)
      throws InterruptedException {
    ParticleError refusal = refusals.poll(60, TimeUnit.SECONDS);
    assertNotNull(refusal, "the relay sent no error within 60 s");
    return refusal;
  }

  /** A link listener that keeps the relay's errors and ignores the rest. */
  private static RelayLink.Listener refusalsInto(BlockingQueue<ParticleError> refusals) {
    return new RelayLink.Listener() {
      @Override
      public void particle(Particle particle) {}

      @Override
      public void error(ParticleError error) {
        refusals.add(error);
      }

      @Override
      public void connected(PeerId relay) {}

      @Override
      public void disconnected(PeerId relay, String why) {}
    };
  }

  @Test
  void eachWayACallEndsIsItsOwnException() throws Exception {
    try (GyreClient client =
        GyreClient.connect(
            ClientOptions.of(List.of(cluster.tcp(0)), KeyPair.generate())
                .withTtl(Duration.ofSeconds(3)))) {
      String nobody = KeyPair.fromSeedName("nobody-here").peerId().base58();
      long sent = System.nanoTime();
      NoRoute noRoute =
          assertInstanceOf(NoRoute.class, failure(client.call(fn("nowhere"), nobody)));
      long failedAfterMs = (System.nanoTime() - sent) / 1_000_000;
      assertTrue(noRoute.getMessage().contains("no route to peer " + nobody), noRoute.getMessage());
      assertTrue(failedAfterMs < 1_000, "within a second, not at the 3 s TTL: " + failedAfterMs);

      Throwable failed = failure(client.call(fn("greet"), cluster.peerId(2), "no-such", "x"));
      assertInstanceOf(CallFailed.class, failed);
      assertTrue(failed.getMessage().contains("no-such"), failed.getMessage());

      // the peer waits longer than the particle lives
      ParticleExpired expired =
          assertInstanceOf(
              ParticleExpired.class, failure(client.call(fn("waitOn"), cluster.peerId(2), 60_000)));
      assertTrue(expired.getMessage().contains("TTL of 3000 ms"), expired.getMessage());
    }
  }

  @Test
  void aClosedClientFailsItsCallsAsDisconnected() throws Exception {
    GyreClient client = GyreClient.connect(cluster.tcp(0));
    client.close();
    Disconnected closed =
        assertInstanceOf(
            Disconnected.class, failure(client.call(fn("nowhere"), cluster.peerId(2))));
    assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
  }

  @Test
  void anOversizeParticleIsRefusedByTheRelayOrByTheClientItself() throws Exception {
    ClientOptions generous =
        ClientOptions.of(List.of(cluster.tcp(0)), KeyPair.generate())
            .withMaxParticleBytes(32 << 20);
    try (GyreClient client = GyreClient.connect(generous)) {
      String large = "x".repeat((16 << 20) + 8 * 1024); // over the relay's 16 MiB per particle
      ParticleRefused byRelay =
          assertInstanceOf(
              ParticleRefused.class,
              failure(client.call(fn("greet"), cluster.peerId(2), "s", large)));
      assertEquals(ParticleError.Code.TOO_LARGE, byRelay.code());
      assertTrue(
          byRelay.getMessage().contains("this relay takes at most 16777216"), byRelay.getMessage());
    }
    ClientOptions strict =
        ClientOptions.of(List.of(cluster.tcp(0)), KeyPair.generate()).withMaxParticleBytes(1 << 20);
    try (GyreClient client = GyreClient.connect(strict)) {
      ParticleRefused byClient =
          assertInstanceOf(
              ParticleRefused.class,
              failure(client.call(fn("greet"), cluster.peerId(2), "s", "y".repeat(2 << 20))));
      assertEquals(ParticleError.Code.TOO_LARGE, byClient.code());
      assertTrue(byClient.getMessage().contains("at most 1048576"), byClient.getMessage());
    }
  }
}
