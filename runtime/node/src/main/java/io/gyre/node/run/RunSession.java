package io.gyre.node.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.CallResult;
import io.gyre.air.builtins.FunctionServices;
import io.gyre.node.particle.ParticleSession;
import io.gyre.node.services.ServiceCall;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The init peer's side of a compiled Aqua function run by a peer: {@code getDataSrv} hands out the
 * arguments (and {@code -relay-}), {@code callbackSrv.response} and {@code errorHandlingSrv.error}
 * end the run, as js-client's function calls do.
 */
public final class RunSession implements ParticleSession {
  private final String particleId;
  private final String relayPeerId;
  private final Map<String, JsonNode> arguments;
  private final long ttlMs;
  private final boolean awaitResponse;
  private final Clock clock;
  private final long startedMs;
  private final CompletableFuture<RunResult> result = new CompletableFuture<>();

  public RunSession(
      String particleId,
      String relayPeerId,
      Map<String, JsonNode> arguments,
      long ttlMs,
      Clock clock) {
    this(particleId, relayPeerId, arguments, ttlMs, true, clock);
  }

  /**
   * @param awaitResponse false: the run ends once the init peer has run the script (no results)
   */
  public RunSession(
      String particleId,
      String relayPeerId,
      Map<String, JsonNode> arguments,
      long ttlMs,
      boolean awaitResponse,
      Clock clock) {
    this.awaitResponse = awaitResponse;
    this.particleId = particleId;
    this.relayPeerId = relayPeerId;
    this.arguments = Map.copyOf(arguments);
    this.ttlMs = ttlMs;
    this.clock = clock;
    this.startedMs = clock.millis();
  }

  public CompletableFuture<RunResult> result() {
    return result;
  }

  @Override
  public Optional<CallResult> answer(ServiceCall call) {
    switch (call.serviceId()) {
      case "getDataSrv":
        return Optional.of(FunctionServices.argument(call.functionName(), relayPeerId, arguments));
      case "callbackSrv":
        if (call.functionName().equals("response")) {
          finish(
              RunResult.Status.RESPONDED,
              Optional.of(FunctionServices.response(call.arguments())),
              List.of(),
              Optional.empty());
          return Optional.of(FunctionServices.acknowledged());
        }
        return Optional.empty();
      case "errorHandlingSrv":
        if (call.functionName().equals("error")) {
          JsonNode error = FunctionServices.error(call.arguments());
          finish(
              RunResult.Status.ERRORED,
              Optional.empty(),
              List.of(error),
              Optional.of(FunctionServices.errorMessage(error)));
          return Optional.of(FunctionServices.acknowledged());
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }

  @Override
  public void ran() {
    if (!awaitResponse) {
      finish(RunResult.Status.SENT, Optional.empty(), List.of(), Optional.empty());
    }
  }

  @Override
  public void failed(String reason) {
    finish(RunResult.Status.FAILED, Optional.empty(), List.of(), Optional.of(reason));
  }

  @Override
  public void expired() {
    finish(
        RunResult.Status.EXPIRED,
        Optional.empty(),
        List.of(),
        Optional.of(
            "particle " + particleId + " got no response within its TTL of " + ttlMs + " ms"));
  }

  @Override
  public void undelivered(String message) {
    finish(RunResult.Status.UNDELIVERED, Optional.empty(), List.of(), Optional.of(message));
  }

  /** The peer did not take the particle. */
  public void refused(String reason) {
    finish(RunResult.Status.REFUSED, Optional.empty(), List.of(), Optional.of(reason));
  }

  private void finish(
      RunResult.Status status,
      Optional<JsonNode> response,
      List<JsonNode> errors,
      Optional<String> message) {
    result.complete(
        new RunResult(particleId, status, response, errors, message, clock.millis() - startedMs));
  }
}
