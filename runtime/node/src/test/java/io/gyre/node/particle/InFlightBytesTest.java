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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live particles together hold at most max-in-flight-bytes: a flood of large ones is refused. */
class InFlightBytesTest {
  private static final KeyPair RELAY = KeyPair.fromSeedName("relay");
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
                "gyre.node.limits.max-in-flight-bytes", "4 KiB",
                "gyre.node.limits.max-particle-bytes", "3 KiB"));
    node.awaitPeers(List.of(node.peerId().base58())).get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  /** A particle that waits forever (until its TTL), padded to {@code bytes} of script. */
  private static Particle waiting(String id, int bytes) {
    String script = "(never)" + " ".repeat(bytes - "(never)".length());
    return ParticleSignature.sign(RELAY, id, System.currentTimeMillis(), 60_000, script);
  }

  private static Optional<String> start(Particle particle) throws Exception {
    return TestNodes.startOwn(node, particle);
  }

  @Test
  void particlesPastTheByteBudgetAreRefusedNamingIt() throws Exception {
    Particle large = waiting("large", 2500);
    assertEquals(Optional.empty(), start(large));
    long held = large.sizeBytes();

    String refusal = start(waiting("another", 2000)).orElseThrow();
    assertTrue(refusal.contains("holds " + held + " bytes of in-flight particles"), refusal);
    assertTrue(refusal.contains("max-in-flight-bytes"), refusal);
    assertEquals(1, node.metrics().refusedCount(RefusalReason.OVERLOADED));

    // Small particles still fit beside it.
    Particle small = waiting("small", 200);
    assertEquals(Optional.empty(), start(small));

    // A live particle whose data grows is counted at its new size: past the budget, refused.
    String growth = start(small.withData(new byte[2000])).orElseThrow();
    assertTrue(growth.contains("more would pass its limit of 4096"), growth);
    // And one version of it larger than max-particle-bytes is refused as too large.
    String tooLarge = start(small.withData(new byte[3000])).orElseThrow();
    assertTrue(tooLarge.contains("bytes; the limit is 3072"), tooLarge);
  }
}
