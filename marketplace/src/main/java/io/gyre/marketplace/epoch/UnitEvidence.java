package io.gyre.marketplace.epoch;

import io.gyre.marketplace.proof.Verdict;
import java.util.Optional;

/**
 * What the marketplace accepted about one unit's work for one deal in one epoch.
 *
 * @param batchCommitted whether its peer committed a signed batch root for the deal and epoch
 * @param audit the verdict of the batch's audit (empty when there was no batch to audit)
 * @param capacityProofs accepted capacity proofs of the unit in the epoch
 */
public record UnitEvidence(boolean batchCommitted, Optional<Verdict> audit, int capacityProofs) {}
