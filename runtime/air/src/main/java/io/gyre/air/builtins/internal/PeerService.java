package io.gyre.air.builtins.internal;

import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.NUMBER;
import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.CallResult;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.js.JsNumbers;
import java.util.List;
import java.util.Map;

/** js-client's {@code peer} service: identity, clock, and {@code timeout}. */
public final class PeerService {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Node's setTimeout: delays outside [1, 2^31 - 1] ms become 1 ms. */
  private static final double MAX_TIMEOUT_MS = 2147483647;

  private PeerService() {}

  public static Map<String, BuiltinFunction> functions() {
    return Map.of(
        "identify",
        (args, now) -> BuiltinReply.success(identify()),
        "timestamp_ms",
        (args, now) -> BuiltinReply.success(NODES.numberNode(now)),
        "timestamp_sec",
        (args, now) -> BuiltinReply.success(NODES.numberNode(Math.floorDiv(now, 1000))),
        "timeout",
        PeerService::timeout,
        "is_connected",
        UnsupportedServices.notImplemented("peer.is_connected"),
        "connect",
        UnsupportedServices.notImplemented("peer.connect"),
        "get_contact",
        UnsupportedServices.notImplemented("peer.get_contact"));
  }

  /** What js-client 0.9.0 answers (its values are hard-coded there too). */
  private static ObjectNode identify() {
    ObjectNode info = NODES.objectNode();
    info.putArray("external_addresses");
    info.put("node_version", "js-0.23.0");
    info.put("air_version", "js-0.24.2");
    return info;
  }

  /** {@code peer.timeout(ms, message)}: the message, once the delay has passed. */
  private static BuiltinReply timeout(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, NUMBER, STRING)
        .orElseGet(
            () -> {
              double ms = JsNumbers.toDouble(args.get(0));
              long delay = ms >= 1 && ms <= MAX_TIMEOUT_MS ? (long) ms : 1;
              return new BuiltinReply(CallResult.ok(args.get(1)), delay);
            });
  }
}
