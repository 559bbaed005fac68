package io.gyre.node.services;

import io.gyre.air.CallResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A service written in Java and registered on a peer by its host (tests, embedding applications).
 * It is called on the node's service threads, never on a particle's actor, so it may block; it may
 * also answer later through the returned stage.
 */
@FunctionalInterface
public interface JavaService {

  CompletionStage<CallResult> call(ServiceCall call);

  /** A service that answers with the function's value. */
  static JavaService of(Function<ServiceCall, CallResult> function) {
    return call -> CompletableFuture.completedFuture(function.apply(call));
  }
}
