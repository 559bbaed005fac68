package io.gyre.wasm;

/**
 * Sees a call's outcome, with the call's inputs, before the service takes its next call (see {@link
 * Service#call(String, String, CallParameters, CallObserver)}). Taking the inputs as arguments lets
 * one observer serve every call, with nothing allocated per call to carry them.
 */
@FunctionalInterface
public interface CallObserver {
  CallObserver NONE = (function, jsonArguments, parameters, outcome) -> {};

  void called(
      String function, String jsonArguments, CallParameters parameters, CallOutcome outcome);
}
