package io.gyre.proofs.recording;

import io.gyre.proofs.receipt.Checkpoint;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.replay.ReplayEvidence;
import io.gyre.proofs.replay.ReplayedCall;
import io.gyre.proofs.replay.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A piece of a service's chain from one checkpoint to the next: what evidence is cut from. */
final class Segment {

  private final Checkpoint anchor;
  private final Optional<StateSnapshot> snapshot;
  private final List<ReplayedCall> calls = new ArrayList<>();

  Segment(Checkpoint anchor, Optional<StateSnapshot> snapshot) {
    this.anchor = anchor;
    this.snapshot = snapshot;
  }

  Checkpoint anchor() {
    return anchor;
  }

  void add(ReplayedCall call) {
    calls.add(call);
  }

  /** The epoch of the segment's last element. */
  long lastEpoch() {
    return calls.isEmpty() ? anchor.epoch() : calls.get(calls.size() - 1).receipt().epoch();
  }

  boolean holds(long sequence) {
    return sequence >= anchor.sequence() && sequence < anchor.sequence() + calls.size();
  }

  /** The evidence for the receipt with this sequence number, which the segment holds. */
  Optional<ReplayEvidence> evidence(Receipt receipt) {
    if (!holds(receipt.sequence())) {
      return Optional.empty();
    }
    int end = (int) (receipt.sequence() - anchor.sequence()) + 1;
    if (!calls.get(end - 1).receipt().equals(receipt)) {
      return Optional.empty();
    }
    return Optional.of(new ReplayEvidence(anchor, snapshot, calls.subList(0, end)));
  }
}
