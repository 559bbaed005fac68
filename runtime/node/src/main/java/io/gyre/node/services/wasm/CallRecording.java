package io.gyre.node.services.wasm;

import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.Service;
import java.util.Optional;

/**
 * A hook around the calls of deployed services: the marketplace's provider side makes the calls of
 * a deal's services itself, so that each one yields an execution receipt. Any other call is left to
 * the runtime (empty).
 */
public interface CallRecording {
  CallRecording NONE = (service, function, arguments, parameters) -> Optional.empty();

  /**
   * The outcome when this hook made the call, empty when the runtime should make it.
   *
   * @param jsonArguments Jackson's compact text of the JSON array of arguments
   */
  Optional<CallOutcome> call(
      Service service, String function, String jsonArguments, CallParameters parameters);
}
