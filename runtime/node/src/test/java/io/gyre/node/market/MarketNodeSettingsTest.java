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
  }

  @Test
  void byDefaultTheNodeWithoutSeedNodesHostsTheMarketplaceAndTheOthersDoNot() {
    assertTrue(enabledWith(Map.of()), "a founder");
    assertTrue(enabledWith(Map.of("gyre.node.seed-nodes", "")), "an empty seed list");
    assertFalse(enabledWith(Map.of("gyre.node.seed-nodes", "127.0.0.1:7100")), "a joiner");
    assertFalse(
        enabledWith(
            Map.of(
                "gyre.node.seed-nodes",
                java.util.List.of("127.0.0.1:7100"),
                "gyre.node.market.enabled",
                "auto")),
        "a joiner, auto said aloud");
    assertTrue(
        enabledWith(
            Map.of("gyre.node.seed-nodes", "127.0.0.1:7100", "gyre.node.market.enabled", "on")),
        "on wins over auto's rule");
    assertFalse(enabledWith(Map.of("gyre.node.market.enabled", "off")), "off wins too");
    NodeConfigException error =
        assertThrows(
            NodeConfigException.class,
            () -> enabledWith(Map.of("gyre.node.market.enabled", "sometimes")));
    assertTrue(error.getMessage().contains("on, off or auto"), error.getMessage());
  }

  private static boolean enabledWith(Map<String, Object> settings) {
    return MarketNodeSettings.from(
            ConfigFactory.parseMap(settings).withFallback(ConfigFactory.load()))
        .enabled();
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
