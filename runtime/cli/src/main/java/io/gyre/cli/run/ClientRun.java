package io.gyre.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.client.AquaFunction;
import io.gyre.client.CallFailed;
import io.gyre.client.ClientOptions;
import io.gyre.client.ConnectFailed;
import io.gyre.client.Disconnected;
import io.gyre.client.GyreClient;
import io.gyre.client.GyreClientException;
import io.gyre.client.NoRoute;
import io.gyre.client.ParticleExpired;
import io.gyre.client.ParticleRefused;
import io.gyre.identity.KeyPair;
import io.gyre.net.Multiaddr;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code gyre run --via}: the function runs with the user as a client of the relay at a multiaddr,
 * signed with the user's own key, instead of through a peer's HTTP API as the peer.
 */
final class ClientRun {
  private ClientRun() {}

  /** The run's report; a relay that cannot be reached is a {@link ConnectFailed}. */
  static RunReport run(
      Multiaddr relay,
      KeyPair key,
      AquaFunction function,
      Map<String, JsonNode> arguments,
      Duration ttl) {
    long started = System.currentTimeMillis();
    ClientOptions options = ClientOptions.of(List.of(relay), key).withTtl(ttl);
    try (GyreClient client = GyreClient.connect(options)) {
      var call = client.call(function, arguments, ttl);
      try {
        JsonNode response = call.get(ttl.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        return new RunReport(
            call.particleId(),
            true,
            function.results().isEmpty() ? "sent" : "responded",
            function.results().isEmpty() ? Optional.empty() : Optional.of(response),
            List.of(),
            "",
            System.currentTimeMillis() - started);
      } catch (ExecutionException e) {
        return failed(call.particleId(), e.getCause(), System.currentTimeMillis() - started);
      } catch (TimeoutException e) {
        return new RunReport(
            call.particleId(),
            false,
            "expired",
            Optional.empty(),
            List.of(),
            "no answer",
            ttl.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new RunReport(
            call.particleId(), false, "interrupted", Optional.empty(), List.of(), "", 0);
      }
    }
  }

  private static RunReport failed(String particleId, Throwable cause, long elapsedMs) {
    if (!(cause instanceof GyreClientException failure)) {
      return new RunReport(
          particleId,
          false,
          "failed",
          Optional.empty(),
          List.of(),
          String.valueOf(cause),
          elapsedMs);
    }
    String status;
    List<JsonNode> errors = List.of();
    if (failure instanceof CallFailed failed) {
      errors = failed.errors();
      status = errors.isEmpty() ? "failed" : "errored";
    } else if (failure instanceof ParticleExpired) {
      status = "expired";
    } else if (failure instanceof NoRoute) {
      status = "failed";
    } else if (failure instanceof ParticleRefused) {
      status = "refused";
    } else if (failure instanceof Disconnected) {
      status = "disconnected";
    } else {
      status = "failed";
    }
    return new RunReport(
        failure.particleId(),
        false,
        status,
        Optional.empty(),
        errors,
        failure.getMessage(),
        elapsedMs);
  }
}
