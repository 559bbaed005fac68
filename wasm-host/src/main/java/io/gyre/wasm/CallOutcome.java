package io.gyre.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a call gave: its result or its error, with the fuel it used and its log either way. Fuel and
 * result are the same every time the same call runs on the same service state.
 */
public sealed interface CallOutcome {

  long fuelUsed();

  List<LogLine> logs();

  record Success(JsonNode result, long fuelUsed, List<LogLine> logs) implements CallOutcome {
    public Success {
      logs = List.copyOf(logs);
    }
  }

  /**
   * @param instanceReset whether the service's instance was discarded, so its state is back to what
   *     a fresh instance has (README, "State after a failed call")
   */
  record Failure(CallError error, long fuelUsed, List<LogLine> logs, boolean instanceReset)
      implements CallOutcome {
    public Failure {
      logs = List.copyOf(logs);
    }
  }
}
