package io.gyre.proofs.batch;

import io.gyre.identity.KeyPair;
import io.gyre.proofs.Digest;
import io.gyre.proofs.Verdict;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one provider's receipts of one deal and epoch, in order, and seals them into a Merkle
 * tree whose root the provider signs. Receipts outside the scope are refused with a reason.
 */
public final class ReceiptBatch {

  private final ReceiptScope scope;
  private final List<Receipt> receipts = new ArrayList<>();
  private final List<Digest> leaves = new ArrayList<>();

  private ReceiptBatch(ReceiptScope scope) {
    this.scope = scope;
  }

  public static ReceiptBatch builder(ReceiptScope scope) {
    return new ReceiptBatch(scope);
  }

  /** Adds a receipt as the next leaf; refused when it is another provider's, deal's or epoch's. */
  public Verdict<InclusionReason> add(Receipt receipt) {
    return add(receipt, receipt.hash());
  }

  /**
   * As {@link #add(Receipt)} for a caller that has just computed {@code receiptHash} = {@code
   * receipt.hash()} (the recorder does, for its chain); it is not computed again.
   */
  public Verdict<InclusionReason> add(Receipt receipt, Digest receiptHash) {
    return scope
        .mismatch(
            receipt,
            InclusionReason.WRONG_PROVIDER,
            InclusionReason.WRONG_DEAL,
            InclusionReason.WRONG_EPOCH)
        .orElseGet(
            () -> {
              receipts.add(receipt);
              leaves.add(MerkleTree.leaf(receiptHash));
              return Verdict.accept();
            });
  }

  public int size() {
    return receipts.size();
  }

  /** Hashes the leaves, builds the tree and signs the root with the provider's key. */
  public SealedBatch seal(KeyPair provider) {
    MerkleTree tree = new MerkleTree(leaves);
    BatchRoot root =
        new BatchRoot(scope.provider(), scope.dealId(), scope.epoch(), tree.size(), tree.root());
    return new SealedBatch(SignedBatchRoot.sign(root, provider), receipts, tree);
  }
}
