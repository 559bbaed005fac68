package io.gyre.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gyre.node.crypto.fast-verify}: a node's particles between its two peers are signed by the
 * relay and checked on arrival, again and again with the same key, so with the setting on that key
 * turns hot and its table answers; with it off BouncyCastle answers every time.
 */
class FastVerifySettingTest {
  private static final String RELAY = KeyPair.fromSeedName("relay").peerId().base58();
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();
  private static final int RUNS = 8;

  @TempDir Path dir;

  @AfterEach
  void backToTheDefault() {
    KeyPair.setFastVerify(true);
  }

  /** Runs {@link #RUNS} particles relay → alice → relay; returns the table answers they caused. */
  private long tableVerificationsOfRuns(String setting) throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode node =
          nodes.start(
              "node-" + setting,
              List.of("relay", "alice"),
              Optional.empty(),
              Map.of("gyre.node.crypto.fast-verify", setting));
      node.awaitPeers(List.of(RELAY, ALICE)).get(60, TimeUnit.SECONDS);
      long before = KeyPair.fastPathVerifications();
      for (int i = 0; i < RUNS; i++) {
        RunResult result =
            node.run(
                    new RunRequest(
                        Scripts.callAndRespond(ALICE, "peer", "identify", ""),
                        Map.of(),
                        Duration.ofSeconds(30),
                        Optional.empty(),
                        Optional.empty()))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
      }
      return KeyPair.fastPathVerifications() - before;
    }
  }

  @Test
  void offVerifiesEveryParticleWithBouncyCastleAlone() throws Exception {
    long tableAnswers = tableVerificationsOfRuns("off");
    assertFalse(KeyPair.fastVerify());
    assertEquals(0, tableAnswers, "no particle was checked through a table");
  }

  @Test
  void onChecksARepeatedSignerThroughItsTable() throws Exception {
    long tableAnswers = tableVerificationsOfRuns("on");
    assertTrue(KeyPair.fastVerify());
    // Each run's particle reaches alice and comes back: 2 checks of the relay's key per run, the
    // first 3 by BouncyCastle before the key turns hot.
    assertTrue(tableAnswers >= RUNS, tableAnswers + " table answers over " + RUNS + " runs");
  }
}
