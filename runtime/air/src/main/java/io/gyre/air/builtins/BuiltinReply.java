package io.gyre.air.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.CallResult;

/**
 * A builtin's answer and how long after the call it arrives: {@code peer.timeout} answers after its
 * argument (as js-client's {@code setTimeout} does), everything else at once. A host decides
 * whether the delay is real or virtual.
 */
public record BuiltinReply(CallResult result, long delayMs) {

  public BuiltinReply {
    if (delayMs < 0) {
      throw new IllegalArgumentException("delay must not be negative: " + delayMs);
    }
  }

  public static BuiltinReply success(JsonNode value) {
    return new BuiltinReply(CallResult.ok(value), 0);
  }

  /** js-client's error result: ret_code 1 and the message as a JSON string. */
  public static BuiltinReply error(String message) {
    return new BuiltinReply(CallResult.error(1, JsonNodeFactory.instance.textNode(message)), 0);
  }
}
