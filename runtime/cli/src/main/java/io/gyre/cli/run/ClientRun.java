package io.gyre.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.client.CallFailed;
import io.gyre.client.ClientOptions;
import io.gyre.client.ConnectFailed;
import io.gyre.client.Disconnected;
import io.gyre.client.GyreClient;
import io.gyre.client.NoRoute;
import io.gyre.client.ParticleExpired;
import io.gyre.client.ParticleRefused;
import io.gyre.identity.KeyPair;
import io.gyre.net.Multiaddr;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code gyre run --via}: the function runs with the user as a client of the relay at a multiaddr,
 * signed with the user's own key, instead of through a peer's HTTP API as the peer. Its outcome has
 * the HTTP API's answer shape ({@code particle_id, status, ok, response, errors, message,
 * elapsed_ms}), so both paths print and exit the same way.
 */
final class ClientRun {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ClientRun() {}

  /**
   * Runs {@code air} (which ends with a response) and waits for it; a relay that cannot be reached
   * is a {@link ConnectFailed}.
   */
  static JsonNode run(
      Multiaddr relay, KeyPair key, String air, Map<String, JsonNode> arguments, Duration ttl) {
    long started = System.currentTimeMillis();
    ClientOptions options = ClientOptions.of(List.of(relay), key).withTtl(ttl);
    try (GyreClient client = GyreClient.connect(options)) {
      var call = client.run(air, arguments, ttl, true);
      ObjectNode answer = NODES.objectNode().put("particle_id", call.particleId());
      answer.putArray("errors");
      try {
        JsonNode response = call.get(ttl.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        answer.put("status", "responded").put("ok", true).set("response", response);
      } catch (ExecutionException e) {
        failed(answer, e.getCause());
      } catch (TimeoutException e) {
        answer.put("status", "expired").put("ok", false).put("message", "no answer within the TTL");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer.put("status", "interrupted").put("ok", false);
      }
      return answer.put("elapsed_ms", System.currentTimeMillis() - started);
    }
  }

  private static void failed(ObjectNode answer, Throwable cause) {
    String status =
        cause instanceof CallFailed
            ? "errored"
            : cause instanceof ParticleExpired
                ? "expired"
                : cause instanceof NoRoute
                    ? "undelivered"
                    : cause instanceof ParticleRefused
                        ? "refused"
                        : cause instanceof Disconnected ? "disconnected" : "failed";
    answer.put("status", status).put("ok", false).put("message", cause.getMessage());
    if (cause instanceof CallFailed failure) {
      answer.withArray("errors").addAll(failure.errors());
    }
  }
}
