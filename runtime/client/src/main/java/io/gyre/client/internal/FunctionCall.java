package io.gyre.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
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
        return Optional.of(argument(request.functionName()));
      case "callbackSrv":
        if (!request.functionName().equals("response")) {
          return Optional.empty();
        }
        result.complete(responseValue(request.arguments()));
        return Optional.of(CallResult.ok(JsonNodeFactory.instance.objectNode()));
      case "errorHandlingSrv":
        if (!request.functionName().equals("error")) {
          return Optional.empty();
        }
        JsonNode error =
            request.arguments().isEmpty() ? NullNode.getInstance() : request.arguments().get(0);
        fail(new CallFailed(particleId, errorMessage(error), List.of(error)));
        return Optional.of(CallResult.ok(JsonNodeFactory.instance.objectNode()));
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

  private CallResult argument(String name) {
    if (name.equals("-relay-")) {
      return CallResult.ok(new TextNode(relayPeerId));
    }
    JsonNode value = arguments.get(name);
    if (value == null) {
      return CallResult.error(
          1,
          new TextNode(
              "getDataSrv: the function's argument '"
                  + name
                  + "' was not given; given: "
                  + arguments.keySet()));
    }
    return CallResult.ok(value);
  }

  /** js-client's rule: no value is null, one value is itself, several are an array. */
  private static JsonNode responseValue(List<JsonNode> values) {
    if (values.isEmpty()) {
      return NullNode.getInstance();
    }
    if (values.size() == 1) {
      return values.get(0);
    }
    return JsonNodeFactory.instance.arrayNode().addAll(values);
  }

  private static String errorMessage(JsonNode error) {
    JsonNode message = error.get("message");
    return message != null && message.isTextual() ? message.textValue() : error.toString();
  }
}
