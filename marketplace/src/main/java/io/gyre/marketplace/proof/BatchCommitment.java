package io.gyre.marketplace.proof;

import io.gyre.identity.PeerId;
import io.gyre.marketplace.deal.DealId;
import io.gyre.marketplace.offer.UnitId;
import java.nio.charset.StandardCharsets;

/**
 * A provider peer's signed commitment to the Merkle root of the receipts it produced for one deal
 * in one epoch (on the unit it runs for that deal).
 *
 * @param root hex of the Merkle root
 * @param size how many receipts the batch holds (0: no calls this epoch)
 * @param signature hex of the peer's Ed25519 signature over {@link #signedBytes()}
 */
public record BatchCommitment(
    DealId deal, UnitId unit, PeerId peer, long epoch, String root, long size, String signature) {
  public BatchCommitment {
    if (size < 0) {
      throw new IllegalArgumentException("a batch holds no fewer than 0 receipts, not " + size);
    }
  }

  /** What the peer signs: {@code gyre-batch|deal|unit|epoch|root|size} in UTF-8. */
  public byte[] signedBytes() {
    return ("gyre-batch|" + deal + "|" + unit + "|" + epoch + "|" + root + "|" + size)
        .getBytes(StandardCharsets.UTF_8);
  }
}
