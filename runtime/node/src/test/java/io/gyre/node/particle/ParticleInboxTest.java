package io.gyre.node.particle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import io.gyre.node.metrics.NodeMetrics.RefusalReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a peer refuses before running anything: forged, altered, expired, oversized, too many. */
class ParticleInboxTest {
  private static final KeyPair CLIENT = KeyPair.fromSeedName("init");
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode node;

  @BeforeAll
  static void start() throws Exception {
    nodes = new TestNodes(dir);
    node =
        nodes.start(
            "n1",
            List.of("relay"),
            Optional.empty(),
            Map.of(
                "gyre.node.limits.max-in-flight-particles", "3",
                "gyre.node.limits.max-particle-bytes", "2 KiB",
                "gyre.node.limits.max-clock-skew", "5s"));
    node.awaitPeers(List.of(node.peerId().base58())).get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static void deliver(Particle particle) {
    node.knownPeers()
        .inbox(node.peerId().base58())
        .orElseThrow()
        .tell(new ParticleInbox.Deliver(particle, CLIENT.peerId().base58()));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  @Test
  void refusesAForgedOrAlteredParticleAndCountsIt() throws Exception {
    Particle signed = ParticleSignature.sign(CLIENT, "forged-1", now(), 10_000, "(null)");
    Particle altered =
        new Particle(
            signed.id(),
            signed.initPeerId(),
            signed.timestampMs(),
            signed.ttlMs(),
            "(seq (null) (null))",
            signed.signature(),
            signed.data());
    Particle forged =
        new Particle(
            "forged-2",
            signed.initPeerId(),
            signed.timestampMs(),
            signed.ttlMs(),
            "(null)",
            KeyPair.fromSeedName("eve").sign(new byte[] {1}),
            signed.data());
    long before = node.metrics().refusedCount(RefusalReason.BAD_SIGNATURE);

    deliver(altered);
    deliver(forged);

    await(
        () -> node.metrics().refusedCount(RefusalReason.BAD_SIGNATURE) == before + 2,
        "two refusals");
    ParticleTrace.Hop hop = node.traces().snapshot("forged-2").orElseThrow().hops().get(1);
    assertEquals(ParticleTrace.HopKind.REFUSED, hop.kind());
    assertEquals("bad_signature", hop.otherPeerId());
  }

  @Test
  void refusesExpiredFutureAndOversizedParticles() throws Exception {
    long expiredBefore = node.metrics().refusedCount(RefusalReason.EXPIRED);
    long malformedBefore = node.metrics().refusedCount(RefusalReason.MALFORMED);
    long largeBefore = node.metrics().refusedCount(RefusalReason.TOO_LARGE);

    deliver(ParticleSignature.sign(CLIENT, "expired-1", now() - 20_000, 10_000, "(null)"));
    deliver(ParticleSignature.sign(CLIENT, "future-1", now() + 600_000, 10_000, "(null)"));
    deliver(
        ParticleSignature.sign(CLIENT, "large-1", now(), 10_000, "(null)")
            .withData(new byte[4096]));

    await(
        () -> node.metrics().refusedCount(RefusalReason.EXPIRED) == expiredBefore + 1,
        "expired refusal");
    await(
        () -> node.metrics().refusedCount(RefusalReason.MALFORMED) == malformedBefore + 1,
        "future refusal");
    await(
        () -> node.metrics().refusedCount(RefusalReason.TOO_LARGE) == largeBefore + 1,
        "size refusal");
  }

  @Test
  void refusesNewParticlesPastTheInFlightLimitWithAClearError() throws Exception {
    // Live particles stay until their TTL: three fill the node, the fourth is refused.
    KeyPair relay = KeyPair.fromSeedName("relay");
    long timestamp = now();
    for (int i = 0; i < 3; i++) {
      Particle particle = ParticleSignature.sign(relay, "held-" + i, timestamp, 60_000, "(never)");
      assertEquals(Optional.empty(), start(particle));
    }
    Particle onePast = ParticleSignature.sign(relay, "held-3", timestamp, 60_000, "(never)");
    String refusal = start(onePast).orElseThrow();
    assertTrue(refusal.contains("holds its limit of 3 in-flight particles"), refusal);
    assertEquals(1, node.metrics().refusedCount(RefusalReason.OVERLOADED));
    // More data for a particle it already holds is still taken.
    Particle again = ParticleSignature.sign(relay, "held-0", timestamp, 60_000, "(never)");
    assertEquals(Optional.empty(), start(again.withData(new byte[] {7})));
  }

  private static Optional<String> start(Particle particle) throws Exception {
    return TestNodes.startOwn(node, particle);
  }
}
