package io.gyre.air.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What happened in one simulated particle run, in the order it happened: every service call with
 * its answer, every run that failed, every send to a peer that is not simulated. Peer ids are the
 * raw {@code 12D3KooW…} strings.
 */
public record SimulationResult(
    boolean quiescent,
    int steps,
    List<Call> calls,
    List<FailedRun> interpreterErrors,
    List<Undelivered> undelivered,
    List<Step> trace,
    Map<String, Integer> finalDataBytes,
    int hops,
    long bytesSent) {

  public SimulationResult {
    calls = List.copyOf(calls);
    interpreterErrors = List.copyOf(interpreterErrors);
    undelivered = List.copyOf(undelivered);
    trace = List.copyOf(trace);
    finalDataBytes = Map.copyOf(finalDataBytes);
  }

  /** A service call a peer made and the answer it got. */
  public record Call(
      int step,
      String peerId,
      int key,
      String serviceId,
      String functionName,
      List<JsonNode> args,
      int retCode,
      JsonNode result) {}

  /** A run that ended with an interpreter error on a peer (its data was not kept). */
  public record FailedRun(int step, String peerId, int retCode, String message) {}

  /** A send to a peer that the simulation does not have. */
  public record Undelivered(int step, String fromPeerId, String toPeerId) {}

  /** One interpreter run: on which peer, from whom, and what came of it. */
  public record Step(
      int step,
      String peerId,
      String fromPeerId, // empty for the run that starts the particle
      int inDataBytes,
      int callResults,
      int retCode,
      int outDataBytes,
      List<String> nextPeers,
      List<String> callRequests) {}
}
