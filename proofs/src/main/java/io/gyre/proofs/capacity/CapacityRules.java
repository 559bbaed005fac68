package io.gyre.proofs.capacity;

/**
 * How many proofs a unit owes per epoch, and how many failed units a provider may have.
 *
 * @param minProofs a unit with fewer accepted proofs fails the epoch
 * @param maxProofs proofs above this count for nothing more
 * @param maxFailedRatio a provider fails the epoch when failed units / committed units exceeds it
 */
public record CapacityRules(int minProofs, int maxProofs, double maxFailedRatio) {

  public CapacityRules {
    if (minProofs < 0 || maxProofs < minProofs) {
      throw new IllegalArgumentException(
          "need 0 <= minProofs <= maxProofs: " + minProofs + ", " + maxProofs);
    }
    if (!(maxFailedRatio >= 0 && maxFailedRatio <= 1)) {
      throw new IllegalArgumentException("maxFailedRatio must be in [0, 1]: " + maxFailedRatio);
    }
  }
}
