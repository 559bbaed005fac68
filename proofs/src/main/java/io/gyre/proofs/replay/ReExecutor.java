package io.gyre.proofs.replay;

import io.gyre.proofs.Verdict;
import io.gyre.proofs.receipt.CallResult;
import io.gyre.proofs.receipt.Checkpoint;
import io.gyre.proofs.receipt.Receipt;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.WasmHost;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verification by re-execution: rebuilds the state a sampled call ran on — a fresh service at the
 * evidence's checkpoint (or the snapshot it names, through {@link ServiceStates}), then every call
 * after it in order — runs the sampled call in the verifier's own {@link WasmHost}, and compares
 * outcome, result hash and fuel with each receipt on the way. Any difference is a rejection naming
 * the call.
 */
public final class ReExecutor {

  private static final AtomicLong REPLAYS = new AtomicLong();

  private final WasmHost host;
  private final Optional<ServiceStates> states;
  private final ReplayOptions options;

  public ReExecutor(WasmHost host, Optional<ServiceStates> states, ReplayOptions options) {
    this.host = host;
    this.states = states;
    this.options = options;
  }

  /** No snapshot port: replays start at checkpoints of initial state. */
  public ReExecutor(WasmHost host) {
    this(host, Optional.empty(), ReplayOptions.DEFAULT);
  }

  /**
   * Checks {@code evidence} for {@code sampled} (a receipt already found in the provider's signed
   * batch, see {@code InclusionVerifier}) by re-executing it on {@code code}.
   */
  public Verdict<ReplayReason> verify(Receipt sampled, ReplayEvidence evidence, ServiceCode code) {
    Optional<Receipt> last = evidence.sampled();
    if (last.isEmpty()) {
      return Verdict.reject(ReplayReason.MALFORMED, "the evidence holds no call");
    }
    if (!last.get().equals(sampled)) {
      return Verdict.reject(
          ReplayReason.NOT_THE_SAMPLE,
          "the evidence ends at receipt "
              + last.get().sequence()
              + " of "
              + last.get().serviceId()
              + ", not the sampled "
              + sampled.sequence()
              + " of "
              + sampled.serviceId());
    }
    if (evidence.calls().size() > options.maxCalls()) {
      return Verdict.reject(
          ReplayReason.REPLAY_TOO_LONG,
          evidence.calls().size() + " calls to replay, this verifier allows " + options.maxCalls());
    }
    if (!sampled.status().reproducible()) {
      return Verdict.reject(
          ReplayReason.NOT_REPRODUCIBLE,
          "call " + sampled.sequence() + " was stopped by the wall-time backstop");
    }
    Optional<Verdict<ReplayReason>> problem =
        ChainCheck.problem(evidence).or(() -> codeProblem(evidence.anchor(), code));
    return problem.orElseGet(() -> replay(evidence, code));
  }

  private static Optional<Verdict<ReplayReason>> codeProblem(Checkpoint anchor, ServiceCode code) {
    if (!code.moduleHash().equals(anchor.moduleHash())) {
      return Optional.of(
          Verdict.reject(
              ReplayReason.CODE_MISMATCH,
              "the receipts name code "
                  + anchor.moduleHash()
                  + ", the deal's blueprint is "
                  + code.moduleHash()));
    }
    return code.mismatch().map(m -> Verdict.reject(ReplayReason.CODE_MISMATCH, m));
  }

  private Verdict<ReplayReason> replay(ReplayEvidence evidence, ServiceCode code) {
    String blueprintId;
    ServiceLimits limits;
    try {
      code.modules().forEach(host::addModule);
      blueprintId = host.addBlueprint(code.blueprint());
      limits = evidence.anchor().limits().toServiceLimits(options.wallTime());
    } catch (DeployException | IllegalArgumentException e) {
      return Verdict.reject(ReplayReason.CODE_REFUSED, e.getMessage());
    }
    Replay replay = new Replay(blueprintId, limits);
    try {
      Optional<Verdict<ReplayReason>> restored = replay.start(evidence);
      return restored.orElseGet(() -> replay.run(evidence));
    } finally {
      replay.close();
    }
  }

  /** One replay's service, made fresh at the start and again after a wall-time reset. */
  private final class Replay {
    private final String blueprintId;
    private final ServiceLimits limits;
    private Optional<Service> service = Optional.empty();

    Replay(String blueprintId, ServiceLimits limits) {
      this.blueprintId = blueprintId;
      this.limits = limits;
    }

    private Optional<Verdict<ReplayReason>> fresh() {
      close();
      try {
        service =
            Optional.of(
                host.createService(
                    "proofs-replay-" + REPLAYS.incrementAndGet(), blueprintId, limits));
        return Optional.empty();
      } catch (DeployException e) {
        return Optional.of(Verdict.reject(ReplayReason.CODE_REFUSED, e.getMessage()));
      }
    }

    Optional<Verdict<ReplayReason>> start(ReplayEvidence evidence) {
      Optional<Verdict<ReplayReason>> made = fresh();
      Checkpoint anchor = evidence.anchor();
      if (made.isPresent() || anchor.initialState()) {
        return made;
      }
      if (evidence.snapshot().isEmpty()) {
        return Verdict.problem(
            ReplayReason.SNAPSHOT_MISSING, "checkpoint " + anchor.sequence() + " names a snapshot");
      }
      StateSnapshot snapshot = evidence.snapshot().get();
      if (!snapshot.hash().equals(anchor.stateHash())) {
        return Verdict.problem(
            ReplayReason.SNAPSHOT_MISMATCH,
            "snapshot hashes to "
                + snapshot.hash()
                + ", the checkpoint says "
                + anchor.stateHash());
      }
      if (states.isEmpty()) {
        return Verdict.problem(
            ReplayReason.SNAPSHOT_UNSUPPORTED, "this verifier cannot restore snapshots");
      }
      return states
          .get()
          .restore(service.orElseThrow(), snapshot)
          .map(why -> Verdict.reject(ReplayReason.SNAPSHOT_REFUSED, why));
    }

    Verdict<ReplayReason> run(ReplayEvidence evidence) {
      for (ReplayedCall call : evidence.calls()) {
        Receipt receipt = call.receipt();
        if (!receipt.status().reproducible()) {
          // The original call was cut off by wall time and its instance reset: so does the replay.
          Optional<Verdict<ReplayReason>> made = fresh();
          if (made.isPresent()) {
            return made.get();
          }
          continue;
        }
        CallOutcome outcome =
            service
                .orElseThrow()
                .call(receipt.function(), call.inputs().arguments(), call.inputs().parameters());
        Optional<Verdict<ReplayReason>> difference = compare(receipt, outcome);
        if (difference.isPresent()) {
          return difference.get();
        }
      }
      return Verdict.accept();
    }

    void close() {
      service.ifPresent(s -> host.removeService(s.id()));
      service = Optional.empty();
    }
  }

  private static Optional<Verdict<ReplayReason>> compare(Receipt receipt, CallOutcome outcome) {
    if (!CallResult.hash(outcome).equals(receipt.resultHash())) {
      String got =
          outcome instanceof CallOutcome.Success s
              ? "result " + s.result()
              : "failure " + ((CallOutcome.Failure) outcome).error();
      return Verdict.problem(
          ReplayReason.RESULT_MISMATCH,
          "call "
              + receipt.sequence()
              + " ("
              + receipt.function()
              + ", receipt says "
              + receipt.status()
              + ") re-executed to "
              + got);
    }
    if (outcome.fuelUsed() != receipt.fuelUsed()) {
      return Verdict.problem(
          ReplayReason.FUEL_MISMATCH,
          "call "
              + receipt.sequence()
              + " used "
              + outcome.fuelUsed()
              + " fuel, receipt says "
              + receipt.fuelUsed());
    }
    return Optional.empty();
  }
}
