package io.gyre.bench.proofs;

import io.gyre.proofs.Digest;
import io.gyre.proofs.batch.ReceiptBatch;
import io.gyre.proofs.batch.SealedBatch;
import io.gyre.proofs.receipt.OutcomeStatus;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.receipt.ReceiptScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Receipts of realistic size with random hashes, for the batch figures; deal-bench, epoch 1. */
final class SyntheticReceipts {

  static final String DEAL = "deal-bench";

  private SyntheticReceipts() {}

  static List<Receipt> receipts(int count) {
    Random r = new Random(1);
    List<Receipt> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(
          new Receipt(
              ProofSubjects.PROVIDER.peerId(),
              DEAL,
              1,
              "svc-" + (i % 8),
              "greet",
              "0f6b8d52-7c1e-4f3a-9d0e-" + i,
              i / 8,
              digest(r),
              digest(r),
              digest(r),
              digest(r),
              1000 + i,
              OutcomeStatus.SUCCESS,
              false));
    }
    return out;
  }

  static SealedBatch seal(List<Receipt> receipts) {
    ReceiptBatch batch =
        ReceiptBatch.builder(new ReceiptScope(ProofSubjects.PROVIDER.peerId(), DEAL, 1));
    receipts.forEach(batch::add);
    return batch.seal(ProofSubjects.PROVIDER);
  }

  private static Digest digest(Random random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return new Digest(bytes);
  }
}
