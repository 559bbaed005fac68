package io.gyre.cli.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.cli.console.UserError;
import io.gyre.node.json.BoundedJson;
import io.gyre.node.json.JsonLimitException;
import io.gyre.node.json.JsonLimits;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A peer's HTTP API as the commands use it (runtime/node/README.md): runs, and service deploys,
 * listings and removals, with the operator's token on the acting requests. Every answer is JSON; a
 * peer that cannot be asked is a {@link UserError} naming it.
 */
public final class PeerClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI peer;
  private final Optional<String> token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A peer's answer: its HTTP status and JSON body. */
  public record Answer(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }

    /** The body of a successful answer; otherwise one line: {@code context} and the error. */
    public JsonNode orFail(String context) {
      if (!ok()) {
        throw new UserError(UserError.FAILED, context + error());
      }
      return body;
    }

    /** The body's {@code error} (every error body has one), or the status. */
    public String error() {
      return body.path("error").asText("HTTP " + status);
    }
  }

  public PeerClient(URI peer, Optional<String> token) {
    this.peer = peer;
    this.token = token;
  }

  /** {@code POST /run}: the peer's answer ({@code status}, {@code response}, {@code errors}, …). */
  public Answer run(String air, Map<String, JsonNode> args, Duration ttl) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("air", air);
    body.set("args", MAPPER.valueToTree(args));
    body.put("ttl_ms", ttl.toMillis());
    return send(
        authorized(request("/run").timeout(ttl.plusSeconds(15)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  /** {@code POST /services?name=ALIAS}: the module streamed from its file. */
  public Answer deploy(Path module, Optional<String> alias) {
    String query =
        alias.map(a -> "?name=" + URLEncoder.encode(a, StandardCharsets.UTF_8)).orElse("");
    HttpRequest.BodyPublisher file;
    try {
      file = HttpRequest.BodyPublishers.ofFile(module);
    } catch (FileNotFoundException e) {
      throw new UserError(UserError.USAGE, "no such file: " + module + " (the module)");
    }
    return send(
        authorized(request("/services" + query).timeout(Duration.ofMinutes(2)))
            .header("Content-Type", "application/wasm")
            .POST(file)
            .build());
  }

  /** {@code POST path} with a JSON body, as the operator. */
  public Answer post(String path, JsonNode body) {
    return send(
        authorized(request(path).timeout(Duration.ofSeconds(60)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  public Answer get(String path) {
    return send(authorized(request(path).timeout(Duration.ofSeconds(30))).GET().build());
  }

  public Answer delete(String path) {
    return send(authorized(request(path).timeout(Duration.ofSeconds(30))).DELETE().build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(peer.resolve(path));
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return request;
  }

  private Answer send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw unreachable("cannot connect to the peer at " + peer + " (is it running? --peer URL)");
    } catch (HttpTimeoutException e) {
      throw unreachable("the peer at " + peer + " did not answer in time");
    } catch (IOException e) {
      throw unreachable("cannot reach the peer at " + peer + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted while waiting for " + peer);
    }
    try {
      JsonNode body = BoundedJson.read(response.body(), JsonLimits.DEFAULT, "the peer's answer");
      if (response.statusCode() == 401) {
        throw new UserError(
            UserError.USAGE,
            body.path("error").asText("the peer wants its token")
                + (token.isEmpty() ? "" : " (the token given is not this peer's)"));
      }
      return new Answer(response.statusCode(), body);
    } catch (JsonLimitException e) {
      throw unreachable(
          peer + " answered HTTP " + response.statusCode() + " with a body that is not JSON");
    }
  }

  private static UserError unreachable(String message) {
    return new UserError(UserError.FAILED, message);
  }
}
