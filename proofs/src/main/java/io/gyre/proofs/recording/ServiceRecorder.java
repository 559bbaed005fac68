package io.gyre.proofs.recording;

import io.gyre.identity.PeerId;
import io.gyre.proofs.Digest;
import io.gyre.proofs.batch.ReceiptBatch;
import io.gyre.proofs.receipt.CallInputs;
import io.gyre.proofs.receipt.CallLimits;
import io.gyre.proofs.receipt.CallResult;
import io.gyre.proofs.receipt.Checkpoint;
import io.gyre.proofs.receipt.ModuleHash;
import io.gyre.proofs.receipt.OutcomeStatus;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.proofs.replay.ReplayEvidence;
import io.gyre.proofs.replay.ReplayedCall;
import io.gyre.proofs.replay.ServiceStates;
import io.gyre.proofs.replay.StateSnapshot;
import io.gyre.wasm.CallObserver;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One deal service's receipt chain on the provider. {@link #call} records each call while the
 * service still holds its own call lock, so the chain's order is the order the calls ran in — which
 * re-execution depends on — and recording adds no lock of its own. Recording keeps references only;
 * hashing happens when the deal's epoch is sealed.
 */
public final class ServiceRecorder {

  private final PeerId provider;
  private final String dealId;
  private final Service service;
  private final Digest moduleHash;
  private final CallLimits limits;
  private final LongSupplier epoch;

  // Guarded by the service's call lock (the call observer, Service.exclusively).
  private List<Pending> pending = new ArrayList<>();

  /** One observer for every call: nothing allocated per call beyond the record itself. */
  private final CallObserver recordCall = this::append;

  // Sealing state, guarded by this object's monitor (sealing, answering, forgetting).
  private final List<Segment> segments = new ArrayList<>();
  private Digest head;
  private long nextSequence;

  ServiceRecorder(PeerId provider, String dealId, Service service, LongSupplier epoch) {
    this.provider = provider;
    this.dealId = dealId;
    this.service = service;
    this.moduleHash = ModuleHash.of(service.blueprint());
    this.limits = CallLimits.of(service.limits());
    this.epoch = epoch;
    Checkpoint created = checkpoint(epoch.getAsLong(), Digest.ZERO, Checkpoint.INITIAL_STATE);
    segments.add(new Segment(created, Optional.empty()));
    head = created.hash();
  }

  public Service service() {
    return service;
  }

  /** Calls the service and records the call, atomically with respect to other calls of it. */
  public CallOutcome call(String function, String jsonArguments, CallParameters parameters) {
    return service.call(function, jsonArguments, parameters, recordCall);
  }

  /** Adds a call to the chain; under the service's call lock. */
  private void append(
      String function, String jsonArguments, CallParameters parameters, CallOutcome outcome) {
    pending.add(new Pending.Call(epoch.getAsLong(), function, jsonArguments, parameters, outcome));
  }

  /**
   * Records a call the caller made itself. Only for callers that serialise the service's calls
   * themselves, recording each before the next starts: the chain must follow the order of the
   * calls.
   */
  public void record(
      String function, String jsonArguments, CallParameters parameters, CallOutcome outcome) {
    service.exclusively(
        () -> {
          append(function, jsonArguments, parameters, outcome);
          return null;
        });
  }

  /**
   * Snapshots the service's state through the port with no call in flight, and adds a checkpoint
   * naming it: later samples replay from here instead of from the last initial state. Meant for
   * epoch boundaries.
   */
  public void checkpoint(ServiceStates states) {
    service.exclusively(
        () -> pending.add(new Pending.Snapshot(epoch.getAsLong(), states.capture(service))));
  }

  /** Takes what was recorded in epochs up to {@code epoch}; later entries stay pending. */
  private List<Pending> drain(long epoch) {
    return service.exclusively(
        () -> {
          List<Pending> taken = new ArrayList<>();
          List<Pending> kept = new ArrayList<>();
          for (Pending p : pending) {
            (p.epoch() <= epoch ? taken : kept).add(p);
          }
          pending = kept;
          return taken;
        });
  }

  /** Turns the pending calls of epochs up to {@code epoch} into receipts added to {@code batch}. */
  synchronized void seal(long epoch, ReceiptBatch batch) {
    for (Pending p : drain(epoch)) {
      if (p instanceof Pending.Snapshot s) {
        startSegment(checkpoint(s.epoch(), head, s.snapshot().hash()), Optional.of(s.snapshot()));
      } else {
        Pending.Call call = (Pending.Call) p;
        ReplayedCall receipted = receipt(call);
        segments.get(segments.size() - 1).add(receipted);
        head = receipted.receipt().hash();
        nextSequence++;
        batch.add(receipted.receipt(), head);
        if (receipted.receipt().instanceReset()) {
          startSegment(checkpoint(call.epoch(), head, Checkpoint.INITIAL_STATE), Optional.empty());
        }
      }
    }
  }

  private ReplayedCall receipt(Pending.Call call) {
    CallInputs inputs = new CallInputs(call.arguments(), call.parameters());
    CallOutcome outcome = call.outcome();
    Receipt receipt =
        new Receipt(
            provider,
            dealId,
            call.epoch(),
            service.id(),
            call.function(),
            call.parameters().particleId(),
            nextSequence,
            head,
            moduleHash,
            inputs.hash(),
            CallResult.hash(outcome),
            outcome.fuelUsed(),
            OutcomeStatus.of(outcome),
            CallResult.instanceReset(outcome));
    return new ReplayedCall(receipt, inputs);
  }

  private Checkpoint checkpoint(long epoch, Digest previous, Digest state) {
    return new Checkpoint(
        provider, dealId, epoch, service.id(), nextSequence, previous, moduleHash, limits, state);
  }

  private void startSegment(Checkpoint anchor, Optional<StateSnapshot> snapshot) {
    segments.add(new Segment(anchor, snapshot));
    head = anchor.hash();
  }

  /** The evidence for one of this service's receipts, while its segment is kept. */
  synchronized Optional<ReplayEvidence> evidence(Receipt receipt) {
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i).holds(receipt.sequence())) {
        return segments.get(i).evidence(receipt);
      }
    }
    return Optional.empty();
  }

  /** Drops the segments that end before {@code epoch}, except the newest. */
  synchronized void forget(long epoch) {
    while (segments.size() > 1 && segments.get(0).lastEpoch() < epoch) {
      segments.remove(0);
    }
  }
}
