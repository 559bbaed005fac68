package io.gyre.proofs.batch;

import io.gyre.proofs.receipt.Receipt;
import java.util.List;
import java.util.Optional;

/** A sealed epoch batch: the signed root to submit, the receipts as leaves, their proofs. */
public final class SealedBatch {

  private final SignedBatchRoot root;
  private final List<Receipt> receipts;
  private final MerkleTree tree;

  SealedBatch(SignedBatchRoot root, List<Receipt> receipts, MerkleTree tree) {
    this.root = root;
    this.receipts = List.copyOf(receipts);
    this.tree = tree;
  }

  public SignedBatchRoot root() {
    return root;
  }

  public List<Receipt> receipts() {
    return receipts;
  }

  /** The receipt at leaf {@code index} and its inclusion proof; empty outside the batch. */
  public Optional<Included> included(long index) {
    if (index < 0 || index >= receipts.size()) {
      return Optional.empty();
    }
    int i = (int) index;
    return Optional.of(
        new Included(receipts.get(i), new InclusionProof(i, receipts.size(), tree.path(i))));
  }

  /** A receipt with the proof that it is in the batch. */
  public record Included(Receipt receipt, InclusionProof proof) {}
}
