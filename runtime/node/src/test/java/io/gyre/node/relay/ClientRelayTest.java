package io.gyre.node.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleError;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.identity.KeyPair;
import io.gyre.net.Multiaddr;
import io.gyre.net.MultiaddrProtocol;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer's relay over real sockets, with clients made of runtime/net alone: what it delivers, and
 * each refusal with the error the client gets and the metric it counts.
 */
class ClientRelayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode relay;
  private static String relayId;
  private static GyreNode strict;

  @BeforeAll
  static void start() throws Exception {
    nodes = new TestNodes(dir);
    relay =
        nodes.start(
            "relay",
            List.of("relay"),
            Optional.empty(),
            Map.of("gyre.node.client.max-particle-bytes", "16 KiB"));
    relayId = relay.peerId().base58();
    strict =
        nodes.start(
            "strict",
            List.of("strict"),
            Optional.empty(),
            Map.of(
                "gyre.node.client.max-clients", "1",
                "gyre.node.client.rate", "0.001",
                "gyre.node.client.burst", "2"));
    relay.awaitPeers(List.of(relayId)).get(30, TimeUnit.SECONDS);
    strict.awaitPeers(List.of(strict.peerId().base58())).get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static Multiaddr tcp(GyreNode node) {
    return node.clientAddresses().stream()
        .filter(a -> !a.toString().contains("/ws"))
        .findFirst()
        .orElseThrow();
  }

  private static Particle particle(KeyPair signer, String script) {
    return ParticleSignature.sign(
        signer, UUID.randomUUID().toString(), System.currentTimeMillis(), 30_000, script);
  }

  private static String noopThenCall(String first, String second) {
    return "(seq (call \""
        + first
        + "\" (\"op\" \"noop\") []) (call \""
        + second
        + "\" (\"x\" \"y\") []))";
  }

  private static long errors(GyreNode node, ParticleError.Code code) {
    String line =
        node.metrics()
            .scrape()
            .lines()
            .filter(l -> l.startsWith("gyre_client_errors_total{code=\"" + code.label() + "\"}"))
            .findFirst()
            .orElseThrow();
    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  @Test
  void thePeerListensOnTcpAndWebSocketAndHealthListsBoth() throws Exception {
    List<Multiaddr> addresses = relay.clientAddresses();
    assertEquals(2, addresses.size(), addresses.toString());
    for (Multiaddr address : addresses) {
      assertTrue(address.toString().startsWith("/ip4/127.0.0.1/tcp/"), address.toString());
      assertTrue(address.toString().endsWith("/p2p/" + relayId), address.toString());
    }
    assertTrue(addresses.get(1).toString().contains("/ws/p2p/"), addresses.toString());
    // gyre-test.conf sets both ports to 0: the peer bound two free ports and lists those
    List<Integer> ports =
        addresses.stream()
            .map(a -> Integer.parseInt(a.first(MultiaddrProtocol.TCP).orElseThrow().value()))
            .toList();
    assertTrue(ports.stream().allMatch(p -> p > 0), ports.toString());
    assertNotEquals(ports.get(0), ports.get(1), ports.toString());
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + relay.httpAddress().orElseThrow().getPort()
                                + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode listed = JSON.readTree(health.body()).get("client_addresses");
    List<String> texts = new ArrayList<>();
    listed.forEach(a -> texts.add(a.asText()));
    assertEquals(addresses.stream().map(Object::toString).toList(), texts);
  }

  @Test
  void aClientsParticleRunsOnItsRelayAndComesBackOverTcpAndWebSocket() throws Exception {
    for (Multiaddr address : relay.clientAddresses()) {
      KeyPair key = KeyPair.generate();
      try (RawClient client = RawClient.connect(address, key)) {
        Particle sent = particle(key, noopThenCall(relayId, key.peerId().base58()));
        client.send(sent);
        Particle back = client.nextParticle();
        assertEquals(sent.id(), back.id());
        assertEquals(key.peerId().base58(), back.initPeerId());
        assertTrue(back.data().length > 0, "the relay's run added its signed data");
        assertTrue(client.errors.isEmpty(), client.errors.toString());
      }
    }
  }

  @Test
  void aParticleOfAnotherInitPeerIsRefusedAndCounted() throws Exception {
    KeyPair key = KeyPair.generate();
    KeyPair other = KeyPair.fromSeedName("eve");
    long before = errors(relay, ParticleError.Code.NOT_YOURS);
    try (RawClient client = RawClient.connect(tcp(relay), key)) {
      // signed by another key, as that key's particle: the connection proved someone else
      Particle foreign = particle(other, noopThenCall(relayId, other.peerId().base58()));
      client.send(foreign);
      ParticleError error = client.nextError();
      assertEquals(ParticleError.Code.NOT_YOURS, error.code());
      assertEquals(foreign.id(), error.particleId());
      assertTrue(
          error.message().contains("this connection proved " + key.peerId()), error.message());
      // nor may it send a particle as its relay's own identity
      Particle asRelay =
          new Particle(
              UUID.randomUUID().toString(),
              relayId,
              System.currentTimeMillis(),
              30_000,
              "(null)",
              key.sign(new byte[] {1}),
              new byte[0]);
      client.send(asRelay);
      ParticleError relayError = client.nextError();
      assertEquals(ParticleError.Code.NOT_YOURS, relayError.code());
      assertEquals(asRelay.id(), relayError.particleId());
      assertTrue(client.particles.isEmpty());
    }
    assertEquals(before + 2, errors(relay, ParticleError.Code.NOT_YOURS));
  }

  @Test
  void aParticleInItsOwnNameWithAForgedSignatureIsRefused() throws Exception {
    KeyPair key = KeyPair.generate();
    Particle signedByOther = particle(KeyPair.fromSeedName("mallory"), noopThenCall(relayId, "x"));
    Particle forged =
        new Particle(
            signedByOther.id(),
            key.peerId().base58(),
            signedByOther.timestampMs(),
            signedByOther.ttlMs(),
            signedByOther.script(),
            signedByOther.signature(),
            signedByOther.data());
    try (RawClient client = RawClient.connect(tcp(relay), key)) {
      client.send(forged);
      ParticleError error = client.nextError();
      assertEquals(ParticleError.Code.BAD_SIGNATURE, error.code());
      assertEquals(forged.id(), error.particleId());
      assertTrue(error.message().contains("signature does not verify"), error.message());
    }
  }

  @Test
  void bytesThatAreNotAParticleAndOversizeParticlesAreRefused() throws Exception {
    KeyPair key = KeyPair.generate();
    try (RawClient client = RawClient.connect(tcp(relay), key)) {
      client.sendBytes(new byte[] {1, 2, 3, 4, 5});
      ParticleError malformed = client.nextError();
      assertEquals(ParticleError.Code.MALFORMED, malformed.code());
      assertEquals("", malformed.particleId());
      assertTrue(malformed.message().startsWith("not a particle: "), malformed.message());

      Particle large = particle(key, "(null)").withData(new byte[20 * 1024]);
      client.send(large);
      ParticleError tooLarge = client.nextError();
      assertEquals(ParticleError.Code.TOO_LARGE, tooLarge.code());
      assertEquals(large.id(), tooLarge.particleId());
      assertTrue(tooLarge.message().contains("at most 16384"), tooLarge.message());

      // beyond what the framing takes at all: that stream is reset, the connection stays
      client.sendBytes(new byte[200 * 1024]);
      ParticleError framing = client.nextError();
      assertEquals(ParticleError.Code.TOO_LARGE, framing.code());
      assertTrue(framing.message().contains("exceeds the limit"), framing.message());
      client.openStream();
      Particle fine = particle(key, noopThenCall(relayId, key.peerId().base58()));
      client.send(fine);
      assertEquals(fine.id(), client.nextParticle().id());
    }
  }

  @Test
  void aNextPeerNobodyKnowsIsReportedToTheClientAsNoRoute() throws Exception {
    KeyPair key = KeyPair.generate();
    String nobody = KeyPair.fromSeedName("nobody-at-all").peerId().base58();
    try (RawClient client = RawClient.connect(tcp(relay), key)) {
      Particle sent = particle(key, noopThenCall(relayId, nobody));
      long sentAt = System.nanoTime();
      client.send(sent);
      ParticleError error = client.nextError();
      long failedAfterMs = (System.nanoTime() - sentAt) / 1_000_000;
      assertEquals(ParticleError.Code.NO_ROUTE, error.code());
      assertEquals(sent.id(), error.particleId());
      assertTrue(error.message().contains("no route to peer " + nobody), error.message());
      assertTrue(failedAfterMs < 1_000, "within a second, not at the 30 s TTL: " + failedAfterMs);
    }
  }

  @Test
  void anExpiredParticleIsRefusedAsExpired() throws Exception {
    KeyPair key = KeyPair.generate();
    try (RawClient client = RawClient.connect(tcp(relay), key)) {
      Particle old =
          ParticleSignature.sign(
              key, "old-" + UUID.randomUUID(), System.currentTimeMillis() - 60_000, 1000, "(null)");
      client.send(old);
      ParticleError error = client.nextError();
      assertEquals(ParticleError.Code.EXPIRED, error.code());
      assertEquals(old.id(), error.particleId());
    }
  }

  @Test
  void aClientBeyondItsRateIsToldAndOneBeyondTheClientLimitIsDisconnected() throws Exception {
    KeyPair key = KeyPair.generate();
    String strictId = strict.peerId().base58();
    try (RawClient client = RawClient.connect(tcp(strict), key)) {
      List<Particle> sent = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Particle particle = particle(key, noopThenCall(strictId, key.peerId().base58()));
        sent.add(particle);
        client.send(particle);
      }
      // burst 2, then one token in 1000 s: the third and fourth are refused
      for (int i = 2; i < 4; i++) {
        ParticleError error = client.nextError();
        assertEquals(ParticleError.Code.RATE_LIMITED, error.code());
        assertEquals(sent.get(i).id(), error.particleId());
      }
      // the two admitted particles run concurrently, so they may come back in either order
      Set<String> admitted = Set.of(sent.get(0).id(), sent.get(1).id());
      Set<String> returned = Set.of(client.nextParticle().id(), client.nextParticle().id());
      assertEquals(admitted, returned);

      try (RawClient second = RawClient.dial(tcp(strict), KeyPair.generate())) {
        ParticleError error = second.nextError();
        assertEquals(ParticleError.Code.TOO_MANY_CLIENTS, error.code());
        assertTrue(error.message().contains("limit of 1 clients"), error.message());
        second.connection.closeFuture().get(30, TimeUnit.SECONDS);
      }
      assertEquals(1, errors(strict, ParticleError.Code.TOO_MANY_CLIENTS));
    }
  }
}
