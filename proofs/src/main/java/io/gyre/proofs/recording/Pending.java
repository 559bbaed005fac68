package io.gyre.proofs.recording;

import io.gyre.proofs.replay.StateSnapshot;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;

/**
 * What the call path leaves for sealing: only references, no hashing, so that recording costs a
 * list append. Sealing turns these into receipts and checkpoints.
 */
sealed interface Pending {

  long epoch();

  record Call(
      long epoch, String function, String arguments, CallParameters parameters, CallOutcome outcome)
      implements Pending {}

  record Snapshot(long epoch, StateSnapshot snapshot) implements Pending {}
}
