package io.gyre.air.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import java.util.List;
import java.util.Map;

/**
 * js-client's services of a compiled function's call, on its init peer: {@code getDataSrv} hands
 * out the arguments and {@code -relay-}, {@code callbackSrv.response} takes the results, {@code
 * errorHandlingSrv.error} the error. The rules, for any host that runs a function as its init peer
 * (a peer for the HTTP API, a client).
 */
public final class FunctionServices {
  private FunctionServices() {}

  /** {@code getDataSrv.NAME}: the argument, the relay for {@code -relay-}, or a failed call. */
  public static CallResult argument(
      String name, String relayPeerId, Map<String, JsonNode> arguments) {
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

  /** {@code callbackSrv.response}'s value: none is null, one is itself, several an array. */
  public static JsonNode response(List<JsonNode> values) {
    if (values.isEmpty()) {
      return NullNode.getInstance();
    }
    if (values.size() == 1) {
      return values.get(0);
    }
    return JsonNodeFactory.instance.arrayNode().addAll(values);
  }

  /** {@code errorHandlingSrv.error}'s error (its first argument, or null). */
  public static JsonNode error(List<JsonNode> arguments) {
    return arguments.isEmpty() ? NullNode.getInstance() : arguments.get(0);
  }

  /** The error's {@code message}, or the error as JSON. */
  public static String errorMessage(JsonNode error) {
    JsonNode message = error.get("message");
    return message != null && message.isTextual() ? message.textValue() : error.toString();
  }

  /** What the host answers {@code callbackSrv} and {@code errorHandlingSrv} with. */
  public static CallResult acknowledged() {
    return CallResult.ok(JsonNodeFactory.instance.objectNode());
  }
}
