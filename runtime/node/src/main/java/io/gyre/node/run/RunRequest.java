package io.gyre.node.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled function to run with a peer as its init peer: the AIR, its arguments by name, the
 * particle's TTL, optionally which of the node's peers starts it and which relay {@code getDataSrv
 * "-relay-"} names (by default that peer itself), and whether to wait for a response (a function
 * without results sends none: the run then ends once the init peer has sent it on).
 */
public record RunRequest(
    String script,
    Map<String, JsonNode> arguments,
    Duration ttl,
    Optional<String> initPeerId,
    Optional<String> relayPeerId,
    boolean awaitResponse) {

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  public RunRequest {
    arguments = Map.copyOf(arguments);
  }

  /** A run that waits for the function's response. */
  public RunRequest(
      String script,
      Map<String, JsonNode> arguments,
      Duration ttl,
      Optional<String> initPeerId,
      Optional<String> relayPeerId) {
    this(script, arguments, ttl, initPeerId, relayPeerId, true);
  }

  public static RunRequest of(String script, Map<String, JsonNode> arguments) {
    return new RunRequest(script, arguments, DEFAULT_TTL, Optional.empty(), Optional.empty());
  }
}
