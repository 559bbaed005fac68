package io.gyre.proofs.replay;

import io.gyre.proofs.internal.ByteReader;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.receipt.CallInputs;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A test double of the snapshot port for a wasm-host without one: a "snapshot" is the list of calls
 * that built the state (function and inputs), and restoring replays them on the fresh service.
 * Sound for deterministic services, as the real port would be, just slower; capture answers the
 * calls the test says it made.
 */
final class ScriptedStates implements ServiceStates {

  record Step(String function, CallInputs inputs) {}

  private final List<Step> script;

  ScriptedStates(List<Step> script) {
    this.script = List.copyOf(script);
  }

  @Override
  public StateSnapshot capture(Service service) {
    ByteWriter out = new ByteWriter().u32(script.size());
    script.forEach(s -> out.str(s.function()).bytes(s.inputs().encode()));
    return new StateSnapshot(out.toByteArray());
  }

  @Override
  public Optional<String> restore(Service service, StateSnapshot snapshot) {
    try {
      ByteReader in = new ByteReader(snapshot.bytes());
      long n = in.u32("steps");
      List<Step> steps = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        String function = in.str("function");
        Optional<CallInputs> inputs = CallInputs.decode(in.bytes("inputs")).toOptional();
        if (inputs.isEmpty()) {
          return Optional.of("step " + i + ": bad inputs");
        }
        steps.add(new Step(function, inputs.get()));
      }
      for (Step step : steps) {
        CallOutcome outcome =
            service.call(step.function(), step.inputs().arguments(), step.inputs().parameters());
        if (outcome instanceof CallOutcome.Failure failure) {
          return Optional.of("step " + step.function() + " failed: " + failure.error());
        }
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("snapshot unreadable: " + e.getMessage());
    }
  }
}
