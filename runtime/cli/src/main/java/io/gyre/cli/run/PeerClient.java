package io.gyre.cli.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** Runs compiled AIR through a peer's HTTP API ({@code POST /run}, runtime/node/README.md). */
final class PeerClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI peer;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  PeerClient(URI peer) {
    this.peer = peer;
  }

  /** The peer's answer ({@code status}, {@code response}, {@code errors}, …). */
  JsonNode run(String air, Map<String, JsonNode> args, Duration ttl, boolean awaitResponse)
      throws PeerUnreachableException {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("air", air);
    body.set("args", MAPPER.valueToTree(args));
    body.put("ttl_ms", ttl.toMillis());
    body.put("await_response", awaitResponse);
    HttpRequest request =
        HttpRequest.newBuilder(peer.resolve("/run"))
            .timeout(ttl.plusSeconds(15))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new PeerUnreachableException("cannot connect to the peer at " + peer);
    } catch (HttpTimeoutException e) {
      throw new PeerUnreachableException("the peer at " + peer + " did not answer in time");
    } catch (IOException e) {
      throw new PeerUnreachableException("cannot reach the peer at " + peer + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerUnreachableException("interrupted while waiting for " + peer);
    }
    try {
      return MAPPER.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new PeerUnreachableException(
          peer + " answered HTTP " + response.statusCode() + " with a body that is not JSON");
    }
  }

  /** The peer could not be asked, or gave no answer Gyre understands. */
  static final class PeerUnreachableException extends Exception {
    PeerUnreachableException(String message) {
      super(message);
    }
  }
}
