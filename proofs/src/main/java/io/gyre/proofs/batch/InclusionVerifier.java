package io.gyre.proofs.batch;

import io.gyre.proofs.Digest;
import io.gyre.proofs.Verdict;
import io.gyre.proofs.receipt.Receipt;
import java.util.Optional;

/**
 * Checks that a receipt is in a provider's signed batch: the root's signature, the receipt's
 * provider, deal and epoch against the batch, and the inclusion proof against the root. A receipt
 * so included is the provider's as surely as if it were signed on its own.
 */
public final class InclusionVerifier {

  private InclusionVerifier() {}

  public static Verdict<InclusionReason> verify(
      SignedBatchRoot signed, Receipt receipt, InclusionProof proof) {
    BatchRoot root = signed.root();
    if (!signed.signatureValid()) {
      return Verdict.reject(
          InclusionReason.BAD_ROOT_SIGNATURE,
          "batch root of epoch " + root.epoch() + " is not signed by " + root.provider());
    }
    return verify(root, receipt, proof);
  }

  /**
   * As {@link #verify(SignedBatchRoot, Receipt, InclusionProof)} for a root whose signature the
   * caller has already checked (once per batch, when it was submitted).
   */
  public static Verdict<InclusionReason> verify(
      BatchRoot root, Receipt receipt, InclusionProof proof) {
    Optional<Verdict<InclusionReason>> outside =
        root.scope()
            .mismatch(
                receipt,
                InclusionReason.WRONG_PROVIDER,
                InclusionReason.WRONG_DEAL,
                InclusionReason.WRONG_EPOCH);
    if (outside.isPresent()) {
      return outside.get();
    }
    if (proof.leafCount() != root.leafCount()) {
      return Verdict.reject(
          InclusionReason.WRONG_LEAF_COUNT,
          "proof for " + proof.leafCount() + " leaves, batch has " + root.leafCount());
    }
    Optional<Digest> reached = proof.rootFrom(MerkleTree.leaf(receipt.hash()));
    if (reached.isEmpty()) {
      return Verdict.reject(
          InclusionReason.MALFORMED_PROOF,
          proof.siblings().size()
              + " siblings do not fit leaf "
              + proof.index()
              + " of "
              + proof.leafCount());
    }
    if (!reached.get().equals(root.root())) {
      return Verdict.reject(
          InclusionReason.ROOT_MISMATCH,
          "receipt "
              + receipt.sequence()
              + " of "
              + receipt.serviceId()
              + " at leaf "
              + proof.index()
              + " leads to "
              + reached.get()
              + ", not the batch root "
              + root.root());
    }
    return Verdict.accept();
  }
}
