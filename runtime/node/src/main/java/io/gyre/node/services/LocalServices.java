package io.gyre.node.services;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import io.gyre.air.builtins.StandardBuiltins;
import io.gyre.node.metrics.NodeMetrics;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Every service a peer offers, tried in order (host Java services, builtins, deployed services). A
 * call never throws: a failing or missing service becomes a failed call result (ret_code 1) whose
 * message says what went wrong, as js-client reports one.
 */
public final class LocalServices {
  private final List<ServiceProvider> providers;
  private final NodeMetrics metrics;

  public LocalServices(List<ServiceProvider> providers, NodeMetrics metrics) {
    this.providers = List.copyOf(providers);
    this.metrics = metrics;
  }

  public CompletionStage<CallResult> call(ServiceCall call) {
    return call(call, none -> Optional.empty());
  }

  /**
   * Calls {@code call}, asking {@code first} (a particle's own session, say) before the peer's
   * services; never completes exceptionally.
   */
  public CompletionStage<CallResult> call(ServiceCall call, ServiceProvider first) {
    long started = System.nanoTime();
    CompletionStage<CallResult> answer;
    try {
      answer =
          first
              .call(call)
              .or(() -> resolve(call))
              .orElseGet(() -> CompletableFuture.completedFuture(notFound(call)));
    } catch (RuntimeException | StackOverflowError e) {
      // Builtins run on the particle's thread: a value nested too deep for a recursive reader
      // (json.parse, say) must fail the call, not take the actor (and Akka, the JVM) down.
      answer = CompletableFuture.completedFuture(failure(call, e));
    }
    return answer
        .handle((result, error) -> error == null ? result : failure(call, error))
        .thenApply(
            result -> {
              metrics.serviceCalled(
                  call.serviceId(), result.succeeded(), System.nanoTime() - started);
              return result;
            });
  }

  private Optional<CompletionStage<CallResult>> resolve(ServiceCall call) {
    for (ServiceProvider provider : providers) {
      Optional<CompletionStage<CallResult>> answer = provider.call(call);
      if (answer.isPresent()) {
        return answer;
      }
    }
    return Optional.empty();
  }

  /** js-client's wording, so scripts that match on it behave the same. */
  public static CallResult notFound(ServiceCall call) {
    return StandardBuiltins.notFound(call.serviceId(), call.functionName(), call.arguments());
  }

  /** A call that threw or failed: a failed call result (ret_code 1) naming what went wrong. */
  public static CallResult failure(ServiceCall call, Throwable error) {
    error = unwrap(error);
    String message =
        error instanceof ServiceException || error instanceof akka.pattern.StatusReply.ErrorMessage
            ? error.getMessage()
            : "service " + call.serviceId() + "." + call.functionName() + " failed: " + error;
    return CallResult.error(1, new TextNode(message));
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
