package io.gyre.node.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.node.services.ServiceCall;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * {@code peer}: identify, timestamp_ms, timestamp_sec, is_connected, connect, get_contact, timeout
 * (aqua-lib 0.10.2's {@code Peer}). Connectivity is cluster membership: a peer is "connected" when
 * the cluster knows it.
 */
public final class PeerBuiltin {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  public static final String NODE_VERSION = "gyre/0.1.0";
  public static final String AIR_VERSION = "gyre-air/0.1.0";

  /** What the peer tells about itself and the peers it can reach. */
  public interface Neighbourhood {
    String selfPeerId();

    boolean knows(String peerId);

    /** Addresses at which {@code peerId}'s node is reached ({@code /ip4/HOST/tcp/PORT}). */
    List<String> addresses(String peerId);
  }

  private PeerBuiltin() {}

  /**
   * @param delay completes after the given duration without holding a thread (the node's scheduler)
   */
  public static BuiltinService create(
      Neighbourhood neighbourhood, Clock clock, Function<Duration, CompletionStage<Void>> delay) {
    return BuiltinService.named("peer")
        .function("identify", call -> identify(neighbourhood))
        .function("timestamp_ms", call -> JSON.numberNode(clock.millis()))
        .function("timestamp_sec", call -> JSON.numberNode(clock.millis() / 1000))
        .function(
            "is_connected",
            call -> JSON.booleanNode(neighbourhood.knows(Arguments.string(call, 0, "peer"))))
        .function(
            "connect",
            call -> {
              Arguments.strings(call, 1, "multiaddrs");
              return JSON.booleanNode(neighbourhood.knows(Arguments.string(call, 0, "id")));
            })
        .function("get_contact", call -> contact(neighbourhood, Arguments.string(call, 0, "peer")))
        .asyncFunction("timeout", call -> timeout(call, clock, delay))
        .build();
  }

  private static JsonNode identify(Neighbourhood neighbourhood) {
    ObjectNode info = JSON.objectNode();
    info.put("peer_id", neighbourhood.selfPeerId());
    ArrayNode addresses = info.putArray("external_addresses");
    neighbourhood.addresses(neighbourhood.selfPeerId()).forEach(addresses::add);
    info.put("node_version", NODE_VERSION);
    info.put("air_version", AIR_VERSION);
    info.put("spell_version", "");
    info.putArray("allowed_binaries");
    return info;
  }

  private static JsonNode contact(Neighbourhood neighbourhood, String peerId) {
    ArrayNode option = JSON.arrayNode();
    if (neighbourhood.knows(peerId)) {
      ObjectNode contact = option.addObject();
      contact.put("peer_id", peerId);
      ArrayNode addresses = contact.putArray("addresses");
      neighbourhood.addresses(peerId).forEach(addresses::add);
    }
    return option;
  }

  private static CompletionStage<JsonNode> timeout(
      ServiceCall call, Clock clock, Function<Duration, CompletionStage<Void>> delay) {
    long durationMs = Arguments.unsigned(call, 0, "duration_ms");
    String message = Arguments.string(call, 1, "message");
    // Never wait past the particle's TTL: nobody could receive the answer.
    long remainingMs = Math.max(0, call.timestampMs() + call.ttlMs() - clock.millis());
    return delay
        .apply(Duration.ofMillis(Math.min(durationMs, remainingMs)))
        .thenApply(done -> (JsonNode) new TextNode(message));
  }
}
