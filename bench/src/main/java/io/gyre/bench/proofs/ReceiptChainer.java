package io.gyre.bench.proofs;

import io.gyre.proofs.Digest;
import io.gyre.proofs.receipt.CallInputs;
import io.gyre.proofs.receipt.CallResult;
import io.gyre.proofs.receipt.OutcomeStatus;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;

/**
 * Builds each greeting call's receipt at once, chained to the one before: what sealing does per
 * call, done on the call path (the "hashed" and "signed" modes).
 */
final class ReceiptChainer {

  private final Digest moduleHash;
  private Digest head = Digest.ZERO;
  private long sequence;

  ReceiptChainer(Digest moduleHash) {
    this.moduleHash = moduleHash;
  }

  Receipt next(long epoch, String arguments, CallParameters parameters, CallOutcome outcome) {
    Receipt receipt =
        new Receipt(
            ProofSubjects.PROVIDER.peerId(),
            "deal-bench",
            epoch,
            "greeting",
            "greet",
            parameters.particleId(),
            sequence++,
            head,
            moduleHash,
            new CallInputs(arguments, parameters).hash(),
            CallResult.hash(outcome),
            outcome.fuelUsed(),
            OutcomeStatus.of(outcome),
            CallResult.instanceReset(outcome));
    head = receipt.hash();
    return receipt;
  }
}
