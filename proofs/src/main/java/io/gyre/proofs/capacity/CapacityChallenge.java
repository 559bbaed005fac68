package io.gyre.proofs.capacity;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Digest;
import io.gyre.proofs.Randomness;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.DomainHash;

/**
 * What one compute unit must answer in one epoch: bound to the epoch's randomness (so no answer can
 * be computed before the epoch opens), the epoch, the provider and the unit (so an answer is good
 * for that unit, that provider and that epoch only) and the puzzle's parameters.
 */
public record CapacityChallenge(
    Randomness randomness, long epoch, PeerId provider, String unitId, PuzzleParameters params) {

  /**
   * {@code H(capacity-challenge, randomness(32) ‖ u64 epoch ‖ provider(32) ‖ str unit ‖ u32
   * memoryKiB ‖ u32 iterations ‖ u8 difficultyBits)}: the Argon2id salt.
   */
  public Digest seed() {
    return DomainHash.CAPACITY_CHALLENGE.of(
        new ByteWriter(128)
            .raw(randomness.bytes())
            .u64(epoch)
            .raw(provider.publicKey())
            .str(unitId)
            .u32(params.memoryKiB())
            .u32(params.iterations())
            .u8(params.difficultyBits())
            .toByteArray());
  }
}
