package io.gyre.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * The future of one call: its response, or one of {@link GyreClientException}'s cases, and the id
 * of the particle it runs as, known from the start (to find it in a relay's log or trace).
 */
public final class CallFuture extends CompletableFuture<JsonNode> {
  private final String particleId;

  CallFuture(String particleId) {
    this.particleId = particleId;
  }

  public String particleId() {
    return particleId;
  }

  /** Later stages are plain futures. */
  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
