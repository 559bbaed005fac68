package io.gyre.marketplace;

import java.time.Duration;

/**
 * The marketplace's rules and rhythm.
 *
 * @param minCapacityProofs capacity proofs a unit must have accepted per epoch to be paid
 * @param maxCapacityProofs capacity proofs accepted per unit and epoch at most (more are refused)
 * @param samplesPerBatch receipts an audit samples from each batch
 * @param slashBasisPoints share of a unit's collateral slashed per failed epoch (10,000 = all)
 * @param maxUnitsPerProvider units of one provider one deal may hold
 * @param maxUnitsPerOffer units one offer may have
 * @param maxTargetUnits units one deal may ask for
 * @param maxDurationEpochs epochs one deal may last
 * @param tickInterval how often the marketplace looks at the epoch clock
 * @param auditTimeout how long a provider has to hand over sampled receipts
 * @param snapshotEvery events between snapshots of the state
 */
public record MarketSettings(
    int minCapacityProofs,
    int maxCapacityProofs,
    int samplesPerBatch,
    int slashBasisPoints,
    int maxUnitsPerProvider,
    int maxUnitsPerOffer,
    int maxTargetUnits,
    int maxDurationEpochs,
    Duration tickInterval,
    Duration auditTimeout,
    int snapshotEvery) {
  public MarketSettings {
    if (minCapacityProofs < 0 || maxCapacityProofs < Math.max(1, minCapacityProofs)) {
      throw new IllegalArgumentException(
          "capacity proofs: need 0 <= min <= max and max >= 1, not "
              + minCapacityProofs
              + ".."
              + maxCapacityProofs);
    }
    if (samplesPerBatch < 1 || slashBasisPoints < 0 || slashBasisPoints > 10_000) {
      throw new IllegalArgumentException(
          "samples per batch >= 1 and slash 0..10000 basis points, not "
              + samplesPerBatch
              + " and "
              + slashBasisPoints);
    }
    if (maxUnitsPerProvider < 1 || maxUnitsPerOffer < 1 || maxTargetUnits < 1) {
      throw new IllegalArgumentException("unit limits must be at least 1");
    }
    if (maxDurationEpochs < 1 || snapshotEvery < 1) {
      throw new IllegalArgumentException("duration and snapshot limits must be at least 1");
    }
  }

  public static MarketSettings defaults() {
    return new MarketSettings(
        1,
        8,
        4,
        1_000,
        2,
        1_000,
        100,
        1_000_000,
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        5_000);
  }

  public MarketSettings withTickInterval(Duration interval) {
    return new MarketSettings(
        minCapacityProofs,
        maxCapacityProofs,
        samplesPerBatch,
        slashBasisPoints,
        maxUnitsPerProvider,
        maxUnitsPerOffer,
        maxTargetUnits,
        maxDurationEpochs,
        interval,
        auditTimeout,
        snapshotEvery);
  }
}
