package io.gyre.marketplace.proof;

import io.gyre.marketplace.offer.UnitId;

/**
 * A solution to the capacity puzzle of {@code unit} in {@code epoch} (seeded by the epoch's
 * randomness and the unit id).
 *
 * @param solution hex of the solution, as the proofs module encodes it
 */
public record CapacityProof(UnitId unit, long epoch, String solution) {}
