package io.gyre.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A running service: the instances of its blueprint's modules and their state. One call runs at a
 * time per service (calls wait for the one before them); different services run concurrently.
 */
public interface Service {

  String id();

  Blueprint blueprint();

  ServiceLimits limits();

  /** The facade module's description: the functions this service offers. */
  ModuleDescription facade();

  /**
   * Calls {@code function} with a JSON array of arguments. Never throws for anything the module or
   * the arguments do: every failure is a {@link CallOutcome.Failure}.
   */
  CallOutcome call(String function, String jsonArguments, CallParameters parameters);

  /**
   * As {@link #call(String, String, CallParameters)}; {@code observer} gets the outcome before the
   * service takes its next call, so observers see outcomes in the order the calls ran (what a
   * receipt chain needs) at no cost beyond the service's own serialisation of its calls.
   */
  CallOutcome call(
      String function, String jsonArguments, CallParameters parameters, CallObserver observer);

  /**
   * Runs {@code work} while no call of this service runs, and lets none start until it returns; for
   * what must not interleave with calls (an observer's records, a state snapshot).
   */
  <T> T exclusively(Supplier<T> work);

  /** As {@link #call(String, String, CallParameters)}, with the arguments already parsed. */
  CallOutcome call(String function, JsonNode arguments, CallParameters parameters);

  /**
   * As {@link #call(String, String, CallParameters)}, run on one of the host's call threads without
   * blocking the caller — what an actor wants (pipe the stage to itself). The stage never completes
   * exceptionally for anything the module or the arguments do.
   */
  CompletionStage<CallOutcome> callAsync(
      String function, String jsonArguments, CallParameters parameters);
}
