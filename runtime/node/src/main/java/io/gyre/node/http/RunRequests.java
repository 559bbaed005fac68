package io.gyre.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.node.json.BoundedJson;
import io.gyre.node.json.JsonLimits;
import io.gyre.node.run.RunRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code POST /run}'s body; every mistake is an {@link IllegalArgumentException} naming it.
 */
final class RunRequests {
  private RunRequests() {}

  /**
   * {@code {"air": "...", "args": {...}, "ttl_ms": N, "peer": "12D3…", "relay": "12D3…",
   * "await_response": true}}; only {@code air} is required.
   */
  static RunRequest parse(String body, JsonLimits limits) {
    JsonNode json = BoundedJson.read(body, limits, "the body");
    if (!json.isObject()) {
      throw new IllegalArgumentException(
          "the body must be a JSON object with \"air\" and \"args\"");
    }
    JsonNode air = json.get("air");
    if (air == null || !air.isTextual() || air.textValue().isBlank()) {
      throw new IllegalArgumentException(
          "\"air\" must be the function's AIR script (a non-empty string)");
    }
    Map<String, JsonNode> args = new LinkedHashMap<>();
    JsonNode argsNode = json.get("args");
    if (argsNode != null && !argsNode.isNull()) {
      if (!argsNode.isObject()) {
        throw new IllegalArgumentException("\"args\" must be an object of argument name to value");
      }
      argsNode.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue()));
    }
    Duration ttl = RunRequest.DEFAULT_TTL;
    JsonNode ttlNode = json.get("ttl_ms");
    if (ttlNode != null) {
      if (!ttlNode.canConvertToLong()
          || ttlNode.longValue() <= 0
          || ttlNode.longValue() > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "\"ttl_ms\" must be a number of milliseconds, 1..4294967295");
      }
      ttl = Duration.ofMillis(ttlNode.longValue());
    }
    JsonNode await = json.path("await_response");
    if (!await.isMissingNode() && !await.isBoolean()) {
      throw new IllegalArgumentException("\"await_response\" must be true or false");
    }
    return new RunRequest(
        air.textValue(),
        args,
        ttl,
        optionalText(json, "peer"),
        optionalText(json, "relay"),
        await.asBoolean(true));
  }

  private static Optional<String> optionalText(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a peer id string");
    }
    return Optional.of(value.textValue());
  }
}
