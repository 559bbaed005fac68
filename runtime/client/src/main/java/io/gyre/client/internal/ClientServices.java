package io.gyre.client.internal;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.builtins.StandardBuiltins;
import io.gyre.client.CallArguments;
import io.gyre.client.ServiceHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The services a client answers calls with: its registered ones (they may stand in for a builtin),
 * then js-client's builtins ({@code op}, {@code peer}, …), then js-client's "No service found"
 * error. Handlers run on {@code handlers}; a builtin's delay ({@code peer.timeout}) on {@code
 * timer}. A call's future never fails: a failure is a failed call (ret_code 1) with its reason.
 */
public final class ClientServices {
  private final Map<String, ServiceHandler> registered = new ConcurrentHashMap<>();
  private final Executor handlers;
  private final ScheduledExecutorService timer;

  public ClientServices(Executor handlers, ScheduledExecutorService timer) {
    this.handlers = handlers;
    this.timer = timer;
  }

  public void register(String serviceId, ServiceHandler handler) {
    registered.put(serviceId, handler);
  }

  public boolean unregister(String serviceId) {
    return registered.remove(serviceId) != null;
  }

  public CompletableFuture<CallResult> call(
      CallRequest request, String particleId, String initPeerId, long nowMs) {
    ServiceHandler handler = registered.get(request.serviceId());
    if (handler != null) {
      CallArguments arguments =
          new CallArguments(request.arguments(), request.tetraplets(), particleId, initPeerId);
      return CompletableFuture.supplyAsync(() -> start(handler, request, arguments), handlers)
          .thenCompose(stage -> stage)
          .thenApply(value -> CallResult.ok(ArgumentBinder.json(value)))
          .exceptionally(failure -> failed(request, failure));
    }
    BuiltinReply reply =
        StandardBuiltins.call(
            request.serviceId(), request.functionName(), request.arguments(), nowMs);
    if (reply.delayMs() == 0) {
      return CompletableFuture.completedFuture(reply.result());
    }
    CompletableFuture<CallResult> later = new CompletableFuture<>();
    timer.schedule(() -> later.complete(reply.result()), reply.delayMs(), TimeUnit.MILLISECONDS);
    return later;
  }

  private static CompletionStage<Object> start(
      ServiceHandler handler, CallRequest request, CallArguments arguments) {
    try {
      Object value = handler.call(request.functionName(), arguments);
      if (value instanceof CompletionStage<?> stage) {
        return stage.thenApply(v -> v);
      }
      return CompletableFuture.completedFuture(value);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CallResult failed(CallRequest request, Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    // js-client's wording for a handler that throws
    return CallResult.error(
        1,
        new TextNode(
            "Service call failed. fnName=\""
                + request.functionName()
                + "\" serviceId=\""
                + request.serviceId()
                + "\" error: "
                + why));
  }
}
