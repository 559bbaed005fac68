package io.gyre.proofs.receipt;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Verdict;
import java.util.Optional;

/** Whose, for which deal and which epoch a receipt must be: what a batch or a checker expects. */
public record ReceiptScope(PeerId provider, String dealId, long epoch) {

  /**
   * The first way {@code receipt} falls outside this scope, as a rejection with the caller's own
   * reasons; empty when it is inside.
   */
  public <R extends Enum<R>> Optional<Verdict<R>> mismatch(
      Receipt receipt, R wrongProvider, R wrongDeal, R wrongEpoch) {
    if (!receipt.provider().equals(provider)) {
      return Optional.of(
          Verdict.reject(
              wrongProvider, "receipt of " + receipt.provider() + ", expected " + provider));
    }
    if (!receipt.dealId().equals(dealId)) {
      return Optional.of(
          Verdict.reject(
              wrongDeal, "receipt for deal " + receipt.dealId() + ", expected " + dealId));
    }
    if (receipt.epoch() != epoch) {
      return Optional.of(
          Verdict.reject(
              wrongEpoch, "receipt for epoch " + receipt.epoch() + ", expected " + epoch));
    }
    return Optional.empty();
  }
}
