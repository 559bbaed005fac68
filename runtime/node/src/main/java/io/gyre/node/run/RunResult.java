package io.gyre.node.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * How a particle started by a peer on a caller's behalf ended: its response, the errors the script
 * reported (errorHandlingSrv), or why there was neither (failed, refused, expired).
 */
public record RunResult(
    String particleId,
    Status status,
    Optional<JsonNode> response,
    List<JsonNode> errors,
    Optional<String> message,
    long elapsedMs) {

  public RunResult {
    errors = List.copyOf(errors);
  }

  public enum Status {
    /** callbackSrv.response was called. */
    RESPONDED,
    /** A function without results: the init peer ran it and sent it on (nothing to wait for). */
    SENT,
    /** The script reported an error through errorHandlingSrv. */
    ERRORED,
    /** The particle failed on the init peer (e.g. an interpreter error). */
    FAILED,
    /** A peer the particle had to reach is not reachable, and nothing else could answer. */
    UNDELIVERED,
    /** The peer did not take the particle (overloaded, shutting down, bad input). */
    REFUSED,
    /** The TTL passed without a response or an error. */
    EXPIRED
  }

  public boolean ok() {
    return status == Status.RESPONDED || status == Status.SENT;
  }
}
