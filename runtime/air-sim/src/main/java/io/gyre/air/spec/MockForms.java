package io.gyre.air.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The value forms of a SPEC's mock services, as run-air's services.mjs reads them. A one-key object
 * is a form ({@code echo}, {@code error}, {@code result}, {@code peer_id}, {@code seq}, {@code
 * per_peer}); anything else is returned as it is.
 */
final class MockForms {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** {@code seq} counters, per mock key ("svc.fn", "svc.*", nested "…#n" and "…@peer"). */
  private final Map<String, Integer> seqCounters = new HashMap<>();

  private final PeerBook peers;

  MockForms(PeerBook peers) {
    this.peers = peers;
  }

  /**
   * The answer of {@code form} to a call on {@code peer} with {@code args}; {@code key} names it.
   */
  CallResult evaluate(JsonNode form, String peer, List<JsonNode> args, String key) {
    if (form.isObject() && form.size() == 1) {
      String name = form.fieldNames().next();
      JsonNode value = form.get(name);
      switch (name) {
        case "echo":
          if (value.isBoolean() && value.booleanValue()) {
            return CallResult.ok(SpecServiceHost.responseValue(args));
          }
          break;
        case "error":
          return CallResult.error(1, value);
        case "result":
          return CallResult.ok(value);
        case "peer_id":
          if (value.isBoolean() && value.booleanValue()) {
            return CallResult.ok(TextNode.valueOf(peer));
          }
          break;
        case "seq":
          if (value.isArray()) {
            return nextInSequence(value, peer, args, key);
          }
          break;
        case "per_peer":
          if (value.isObject()) {
            return byPeer(value, peer, args, key);
          }
          break;
        default:
          break;
      }
    }
    return CallResult.ok(form);
  }

  /** Successive calls get v1, v2, …; the last one repeats. */
  private CallResult nextInSequence(JsonNode seq, String peer, List<JsonNode> args, String key) {
    int n = seqCounters.merge(key, 1, Integer::sum) - 1;
    if (seq.isEmpty()) {
      return CallResult.error(1, NODES.textNode("empty seq mock for " + key));
    }
    return evaluate(seq.get(Math.min(n, seq.size() - 1)), peer, args, key + "#" + n);
  }

  /**
   * The form for this peer: by id, then by name (a JSON null there counts as absent, as JS's {@code
   * ??} has it), then {@code "*"}.
   */
  private CallResult byPeer(JsonNode perPeer, String peer, List<JsonNode> args, String key) {
    Optional<JsonNode> form = present(perPeer.get(peer));
    if (form.isEmpty()) {
      form = peers.alias(peer).flatMap(alias -> present(perPeer.get(alias)));
    }
    if (form.isEmpty()) {
      form = Optional.ofNullable(perPeer.get("*"));
    }
    if (form.isEmpty()) {
      return CallResult.error(1, NODES.textNode("no per_peer mock for " + peer + " in " + key));
    }
    return evaluate(form.get(), peer, args, key + "@" + peer);
  }

  private static Optional<JsonNode> present(JsonNode value) {
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }
}
