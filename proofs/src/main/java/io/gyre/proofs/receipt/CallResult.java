package io.gyre.proofs.receipt;

import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.CanonicalJson;
import io.gyre.proofs.internal.DomainHash;
import io.gyre.wasm.CallOutcome;

/**
 * What a receipt commits to about a call's outcome, as bytes: {@code u8 status ‖ u8 instanceReset ‖
 * canonical JSON result} (the result only on success). The error message and the log are left out:
 * they are not part of what re-execution must reproduce.
 */
public final class CallResult {

  private CallResult() {}

  public static byte[] encode(CallOutcome outcome) {
    ByteWriter out = new ByteWriter(64);
    out.u8(OutcomeStatus.of(outcome).code()).u8(instanceReset(outcome) ? 1 : 0);
    if (outcome instanceof CallOutcome.Success success) {
      CanonicalJson.write(success.result(), out);
    }
    return out.toByteArray();
  }

  public static Digest hash(CallOutcome outcome) {
    return DomainHash.RESULT.of(encode(outcome));
  }

  public static boolean instanceReset(CallOutcome outcome) {
    return outcome instanceof CallOutcome.Failure failure && failure.instanceReset();
  }
}
