package io.gyre.node.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A peer's HTTP API: {@code POST /run} (run a compiled function with this peer as the init peer),
 * {@code GET /peers}, {@code GET /services}, {@code GET /particles/ID} (a particle's trace on this
 * node), {@code GET /health} and {@code GET /metrics} (Prometheus). The contract is in the module's
 * README.
 */
public final class HttpApi extends AllDirectives {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Prometheus' text exposition format, version 0.0.4. */
  private static final akka.http.javadsl.model.ContentType.WithCharset PROMETHEUS_TEXT =
      akka.http.javadsl.model.MediaTypes.customWithOpenCharset(
              "text", "plain", java.util.Map.of("version", "0.0.4"), false)
          .toContentType(akka.http.javadsl.model.HttpCharsets.UTF_8);

  private final NodeApi node;

  /** A bound API: where it listens. */
  public record Binding(InetSocketAddress address, ServerBinding binding) {}

  private HttpApi(NodeApi node) {
    this.node = node;
  }

  /**
   * @param drainTimeout how long a leaving node waits for its particles (open runs get that long)
   */
  public static Binding bind(
      NodeApi node, ActorSystem<?> system, String host, int port, Duration drainTimeout) {
    HttpApi api = new HttpApi(node);
    try {
      ServerBinding binding =
          Http.get(system)
              .newServerAt(host, port)
              .bind(api.routes())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      binding.addToCoordinatedShutdown(drainTimeout.plusSeconds(2), system);
      return new Binding(binding.localAddress(), binding);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding the HTTP API", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "HTTP API: cannot listen on "
              + host
              + ":"
              + port
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
          e);
    }
  }

  Route routes() {
    return concat(
        path("health", () -> get(this::health)),
        path(
            "metrics",
            () ->
                get(
                    () ->
                        complete(
                            HttpResponse.create()
                                .withEntity(
                                    HttpEntities.create(PROMETHEUS_TEXT, node.metricsText()))))),
        path("peers", () -> get(this::peers)),
        path(
            "services",
            () -> get(() -> json(StatusCodes.OK, JsonViews.services(node.clusterServices())))),
        path(
            PathMatchers.segment("particles").slash(PathMatchers.segment()),
            id -> get(() -> trace(id))),
        path("run", () -> post(() -> entity(Unmarshaller.entityToString(), this::run))));
  }

  private Route health() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("status", "ok");
    out.put("peer_id", node.peerId());
    ArrayNode hosted = out.putArray("hosted_peers");
    node.hostedPeerIds().forEach(hosted::add);
    out.put("cluster_members", node.memberCount());
    out.put("known_peers", node.knownPeerIds().size());
    out.put("particles_in_flight", node.particlesInFlight());
    return json(StatusCodes.OK, out);
  }

  private Route peers() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode hosted = out.putArray("hosted");
    node.hostedPeerIds().forEach(hosted::add);
    ArrayNode known = out.putArray("known");
    node.knownPeerIds().stream().sorted().forEach(known::add);
    return json(StatusCodes.OK, out);
  }

  private Route trace(String particleId) {
    return node.trace(particleId)
        .map(trace -> json(StatusCodes.OK, JsonViews.trace(trace)))
        .orElseGet(
            () ->
                json(
                    StatusCodes.NOT_FOUND,
                    JsonViews.error("no trace of particle " + particleId + " on this node")));
  }

  private Route run(String body) {
    RunRequest request;
    try {
      request = parseRunRequest(body);
    } catch (IllegalArgumentException e) {
      return json(StatusCodes.BAD_REQUEST, JsonViews.error(e.getMessage()));
    }
    // A run takes up to its TTL; the server's default request timeout (20 s) must not cut it short.
    return withRequestTimeout(
        scala.concurrent.duration.FiniteDuration.create(
            request.ttl().toMillis() + 10_000, java.util.concurrent.TimeUnit.MILLISECONDS),
        () ->
            onSuccess(
                node.run(request), result -> json(statusOf(result), JsonViews.runResult(result))));
  }

  /**
   * {@code {"air": "...", "args": {...}, "ttl_ms": N, "peer": "12D3…", "relay": "12D3…",
   * "await_response": true}}; only {@code air} is required.
   */
  static RunRequest parseRunRequest(String body) {
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the body is not JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(
          "the body must be a JSON object with \"air\" and \"args\"");
    }
    JsonNode air = json.get("air");
    if (air == null || !air.isTextual() || air.textValue().isBlank()) {
      throw new IllegalArgumentException(
          "\"air\" must be the function's AIR script (a non-empty string)");
    }
    Map<String, JsonNode> args = new LinkedHashMap<>();
    JsonNode argsNode = json.get("args");
    if (argsNode != null && !argsNode.isNull()) {
      if (!argsNode.isObject()) {
        throw new IllegalArgumentException("\"args\" must be an object of argument name to value");
      }
      argsNode.fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue()));
    }
    Duration ttl = RunRequest.DEFAULT_TTL;
    JsonNode ttlNode = json.get("ttl_ms");
    if (ttlNode != null) {
      if (!ttlNode.canConvertToLong()
          || ttlNode.longValue() <= 0
          || ttlNode.longValue() > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "\"ttl_ms\" must be a number of milliseconds, 1..4294967295");
      }
      ttl = Duration.ofMillis(ttlNode.longValue());
    }
    JsonNode await = json.path("await_response");
    if (!await.isMissingNode() && !await.isBoolean()) {
      throw new IllegalArgumentException("\"await_response\" must be true or false");
    }
    return new RunRequest(
        air.textValue(),
        args,
        ttl,
        optionalText(json, "peer"),
        optionalText(json, "relay"),
        await.asBoolean(true));
  }

  private static Optional<String> optionalText(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a peer id string");
    }
    return Optional.of(value.textValue());
  }

  private static StatusCode statusOf(RunResult result) {
    return switch (result.status()) {
      case RESPONDED, SENT, ERRORED -> StatusCodes.OK;
      case FAILED -> StatusCodes.UNPROCESSABLE_ENTITY;
      case REFUSED -> StatusCodes.SERVICE_UNAVAILABLE;
      case EXPIRED -> StatusCodes.GATEWAY_TIMEOUT;
    };
  }

  private Route json(StatusCode status, JsonNode body) {
    try {
      return complete(
          HttpResponse.create()
              .withStatus(status)
              .withEntity(
                  HttpEntities.create(
                      ContentTypes.APPLICATION_JSON, MAPPER.writeValueAsString(body))));
    } catch (JsonProcessingException e) {
      return complete(StatusCodes.INTERNAL_SERVER_ERROR, "cannot render JSON: " + e.getMessage());
    }
  }
}
