package io.gyre.node.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled function to run with a peer as its init peer: the AIR, its arguments by name, the
 * particle's TTL, and optionally which of the node's peers starts it and which relay {@code
 * getDataSrv "-relay-"} names (by default that peer itself).
 */
public record RunRequest(
    String script,
    Map<String, JsonNode> arguments,
    Duration ttl,
    Optional<String> initPeerId,
    Optional<String> relayPeerId) {

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  public RunRequest {
    arguments = Map.copyOf(arguments);
  }

  public static RunRequest of(String script, Map<String, JsonNode> arguments) {
    return new RunRequest(script, arguments, DEFAULT_TTL, Optional.empty(), Optional.empty());
  }
}
