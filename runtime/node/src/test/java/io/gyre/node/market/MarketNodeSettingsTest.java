package io.gyre.node.market;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.gyre.node.config.NodeConfigException;
import io.gyre.proofs.capacity.PuzzleParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The marketplace settings a node starts with when its operator sets nothing. */
class MarketNodeSettingsTest {

  @Test
  void theDefaultCapacityPuzzleCostsAnAnswerAThousandChecks() {
    MarketNodeSettings settings = MarketNodeSettings.from(ConfigFactory.load());
    PuzzleParameters puzzle = settings.puzzle();

    // An answer needs 2^bits evaluations on average, a check one: the ratio of 1,000.
    assertTrue(Math.pow(2, puzzle.difficultyBits()) >= 1_000, "difficulty " + puzzle);
    // Memory-hard: each evaluation fills at least a MiB, so a provider cannot answer from cache.
    assertTrue(puzzle.memoryKiB() >= 1024, "memory " + puzzle);
    // And a unit can still answer within an epoch: ~1 ms per MiB per evaluation on this machine
    // kind (bench/RESULTS.md), so the mean answer must fit in a tenth of the default epoch.
    double meanAnswerMillis = Math.pow(2, puzzle.difficultyBits()) * puzzle.memoryKiB() / 1024.0;
    assertTrue(
        meanAnswerMillis <= settings.epochLength().toMillis() / 10.0,
        "mean answer " + meanAnswerMillis + " ms in an epoch of " + settings.epochLength());
    assertFalse(settings.enabled(), "a node hosts the marketplace only when its operator says so");
  }

  @Test
  void aPuzzleOutsideItsBoundsIsRefusedNamingTheSetting() {
    NodeConfigException error =
        assertThrows(
            NodeConfigException.class,
            () ->
                MarketNodeSettings.from(
                    ConfigFactory.parseMap(Map.of("gyre.node.market.puzzle.memory-kib", 4))
                        .withFallback(ConfigFactory.load())));
    assertTrue(error.getMessage().contains("gyre.node.market.puzzle"), error.getMessage());
  }
}
