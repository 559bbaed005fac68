package io.gyre.node.market;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.gyre.marketplace.MarketSettings;
import io.gyre.node.config.NodeConfigException;
import io.gyre.proofs.capacity.PuzzleParameters;
import java.time.Duration;

/**
 * The marketplace's settings on a node ({@code gyre.node.market}): whether this node may host the
 * singleton, the epochs' rhythm, the audits and the capacity puzzle. Every node of a cluster must
 * agree on all but {@code enabled}.
 *
 * @param enabled this node takes the cluster role {@value #ROLE}, so the singleton may run here
 * @param commitAt the fraction of an epoch after which providers commit its batch root
 */
public record MarketNodeSettings(
    boolean enabled,
    String marketId,
    Duration epochLength,
    double commitAt,
    int samplesPerBatch,
    int minCapacityProofs,
    int maxCapacityProofs,
    int slashBasisPoints,
    Duration auditTimeout,
    PuzzleParameters puzzle,
    Duration askTimeout) {

  /** The cluster role of the nodes the marketplace singleton may run on. */
  public static final String ROLE = "market";

  public static MarketNodeSettings from(Config config) {
    String root = "gyre.node.market";
    try {
      Config market = config.getConfig(root);
      Duration epoch = market.getDuration("epoch-length");
      if (epoch.toMillis() < 1_000) {
        throw bad(
            root + ".epoch-length is " + epoch.toMillis() + " ms; an epoch lasts at least 1s");
      }
      double commitAt = market.getDouble("commit-at");
      if (commitAt < 0.5 || commitAt > 0.95) {
        throw bad(root + ".commit-at is " + commitAt + "; it must be 0.5 .. 0.95");
      }
      PuzzleParameters puzzle;
      try {
        puzzle =
            new PuzzleParameters(
                market.getInt("puzzle.memory-kib"),
                market.getInt("puzzle.iterations"),
                market.getInt("puzzle.difficulty-bits"));
      } catch (IllegalArgumentException e) {
        throw bad(root + ".puzzle: " + e.getMessage());
      }
      MarketNodeSettings settings =
          new MarketNodeSettings(
              enabled(config, market),
              market.getString("id"),
              epoch,
              commitAt,
              market.getInt("samples-per-batch"),
              market.getInt("min-capacity-proofs"),
              market.getInt("max-capacity-proofs"),
              market.getInt("slash-basis-points"),
              market.getDuration("audit-timeout"),
              puzzle,
              market.getDuration("ask-timeout"));
      settings.marketSettings();
      return settings;
    } catch (ConfigException e) {
      throw new NodeConfigException("configuration: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw bad(root + ": " + e.getMessage());
    }
  }

  /**
   * {@code on}, {@code off}, or {@code auto}: on exactly for the node that starts without seed
   * nodes, the one every other node of a cluster started the usual way joins through.
   */
  private static boolean enabled(Config config, Config market) {
    String value = market.getString("enabled").trim().toLowerCase(java.util.Locale.ROOT);
    switch (value) {
      case "auto":
        return withoutSeedNodes(config);
      case "on":
      case "true":
      case "yes":
        return true;
      case "off":
      case "false":
      case "no":
        return false;
      default:
        throw bad("gyre.node.market.enabled is \"" + value + "\"; it must be on, off or auto");
    }
  }

  private static boolean withoutSeedNodes(Config config) {
    String path = "gyre.node.seed-nodes";
    if (!config.hasPath(path)) {
      return true;
    }
    if (config.getValue(path).valueType() == com.typesafe.config.ConfigValueType.LIST) {
      return config.getStringList(path).stream().allMatch(String::isBlank);
    }
    return config.getString(path).isBlank();
  }

  /** The marketplace's own rules from these settings. */
  public MarketSettings marketSettings() {
    MarketSettings defaults = MarketSettings.defaults();
    return new MarketSettings(
        minCapacityProofs,
        maxCapacityProofs,
        samplesPerBatch,
        slashBasisPoints,
        defaults.maxUnitsPerProvider(),
        defaults.maxUnitsPerOffer(),
        defaults.maxTargetUnits(),
        defaults.maxDurationEpochs(),
        defaults.tickInterval(),
        auditTimeout,
        defaults.snapshotEvery());
  }

  private static NodeConfigException bad(String message) {
    return new NodeConfigException("configuration: " + message);
  }
}
