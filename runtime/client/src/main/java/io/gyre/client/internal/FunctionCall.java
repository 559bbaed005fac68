package io.gyre.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.builtins.FunctionServices;
import io.gyre.client.CallFailed;
import io.gyre.client.GyreClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The init peer's side of a function this client called, as js-client's: {@code getDataSrv} hands
 * out the arguments and {@code -relay-}, {@code callbackSrv.response} completes the call, {@code
 * errorHandlingSrv.error} fails it with {@link CallFailed}.
 */
public final class FunctionCall {
  private final String particleId;
  private final String relayPeerId;
  private final Map<String, JsonNode> arguments;
  private final boolean awaitResponse;
  private final CompletableFuture<JsonNode> result;

  public FunctionCall(
      String particleId,
      String relayPeerId,
      Map<String, JsonNode> arguments,
      boolean awaitResponse,
      CompletableFuture<JsonNode> result) {
    this.particleId = particleId;
    this.relayPeerId = relayPeerId;
    this.arguments = Map.copyOf(arguments);
    this.awaitResponse = awaitResponse;
    this.result = result;
  }

  public boolean done() {
    return result.isDone();
  }

  /** The answer when {@code request} is one of the call's own services, otherwise empty. */
  Optional<CallResult> answer(CallRequest request) {
    switch (request.serviceId()) {
      case "getDataSrv":
        return Optional.of(
            FunctionServices.argument(request.functionName(), relayPeerId, arguments));
      case "callbackSrv":
        if (!request.functionName().equals("response")) {
          return Optional.empty();
        }
        result.complete(FunctionServices.response(request.arguments()));
        return Optional.of(FunctionServices.acknowledged());
      case "errorHandlingSrv":
        if (!request.functionName().equals("error")) {
          return Optional.empty();
        }
        JsonNode error = FunctionServices.error(request.arguments());
        fail(new CallFailed(particleId, FunctionServices.errorMessage(error), List.of(error)));
        return Optional.of(FunctionServices.acknowledged());
      default:
        return Optional.empty();
    }
  }

  /** The client ran the script and sent it on: a function without results is done. */
  void ran() {
    if (!awaitResponse) {
      result.complete(NullNode.getInstance());
    }
  }

  void fail(GyreClientException failure) {
    result.completeExceptionally(failure);
  }
}
