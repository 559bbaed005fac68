package io.gyre.node.http;

import akka.actor.typed.ActorSystem;
import akka.http.javadsl.Http;
import akka.http.javadsl.ServerBinding;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.RejectionHandler;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import akka.http.scaladsl.model.EntityStreamSizeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.node.json.BoundedJson;
import io.gyre.node.json.JsonLimitException;
import io.gyre.node.json.JsonLimits;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A peer's HTTP API. Open to anyone who reaches it: {@code GET /health}, {@code /metrics}, {@code
 * /peers}, {@code /services}, {@code /services/ID}. For the operator only (bearer token): {@code
 * POST /run}, {@code POST /services} (deploy), {@code DELETE /services/ID}, {@code GET
 * /particles/ID} (a trace shows a run's arguments). Bodies are held to the particle size limit and
 * every error is JSON. The contract is in the module's README.
 */
public final class HttpApi extends AllDirectives {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Prometheus' text exposition format, version 0.0.4. */
  private static final akka.http.javadsl.model.ContentType.WithCharset PROMETHEUS_TEXT =
      akka.http.javadsl.model.MediaTypes.customWithOpenCharset(
              "text", "plain", Map.of("version", "0.0.4"), false)
          .toContentType(akka.http.javadsl.model.HttpCharsets.UTF_8);

  private final NodeApi node;
  private final JsonLimits limits;

  /** A bound API: where it listens. */
  public record Binding(InetSocketAddress address, ServerBinding binding) {}

  private HttpApi(NodeApi node, long maxBodyBytes) {
    this.node = node;
    this.limits = JsonLimits.DEFAULT.withMaxBytes(maxBodyBytes);
  }

  /**
   * @param maxBodyBytes the largest body taken (the particle size limit: a body becomes one)
   * @param drainTimeout how long a leaving node waits for its particles (open runs get that long)
   */
  public static Binding bind(
      NodeApi node,
      ActorSystem<?> system,
      String host,
      int port,
      long maxBodyBytes,
      Duration drainTimeout) {
    HttpApi api = new HttpApi(node, maxBodyBytes);
    try {
      ServerBinding binding =
          Http.get(system)
              .newServerAt(host, port)
              // The routes hold bodies to the particle limit themselves, answering in JSON.
              .withSettings(
                  akka.http.javadsl.settings.ServerSettings.create(
                          akka.actor.typed.javadsl.Adapter.toClassic(system))
                      .withParserSettings(
                          akka.http.javadsl.settings.ParserSettings.create(
                                  akka.actor.typed.javadsl.Adapter.toClassic(system))
                              .withMaxContentLength(Long.MAX_VALUE)))
              .bind(api.routes())
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      binding.addToCoordinatedShutdown(drainTimeout.plusSeconds(2), system);
      return new Binding(binding.localAddress(), binding);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding the HTTP API", e);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException(
          "HTTP API: cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + cause.getMessage()
              + "); is another peer using it? Pick another with --http-port",
          e);
    }
  }

  Route routes() {
    Route all =
        concat(
            path("health", () -> get(() -> json(StatusCodes.OK, health()))),
            path(
                "metrics",
                () ->
                    get(
                        () ->
                            complete(
                                HttpResponse.create()
                                    .withEntity(
                                        HttpEntities.create(
                                            PROMETHEUS_TEXT, node.metricsText()))))),
            path("peers", () -> get(this::peers)),
            path(
                "services",
                () ->
                    concat(
                        get(() -> json(StatusCodes.OK, JsonViews.services(node.services()))),
                        post(() -> operator(this::deploy)))),
            path(
                PathMatchers.segment("services").slash(PathMatchers.segment()),
                id -> concat(get(() -> describe(id)), delete(() -> operator(() -> remove(id))))),
            path(
                PathMatchers.segment("particles").slash(PathMatchers.segment()),
                id -> get(() -> operator(() -> trace(id)))),
            pathPrefix("market", this::market),
            path(
                "run",
                () -> post(() -> operator(() -> entity(Unmarshaller.entityToString(), this::run)))),
            io.gyre.node.web.WebPage.standardRoute());
    return handleExceptions(errors(), () -> handleRejections(rejections(), () -> sizeLimited(all)));
  }

  /**
   * A body over the limit is a 413 in JSON. One whose length is announced is read to its end and
   * dropped first, so the client, still sending, gets the answer rather than a reset connection.
   */
  private Route sizeLimited(Route inner) {
    return extractRequestEntity(
        entity -> {
          if (entity.getContentLengthOption().orElse(0L) > limits.maxBytes()) {
            return extractMaterializer(
                materializer ->
                    onComplete(
                        entity.discardBytes(materializer).completionStage(),
                        done -> json(StatusCodes.PAYLOAD_TOO_LARGE, tooLarge())));
          }
          return withSizeLimit(limits.maxBytes(), () -> inner);
        });
  }

  private JsonNode tooLarge() {
    return JsonViews.error(
        "the body is larger than "
            + limits.maxBytes()
            + " bytes, the peer's particle limit (limits.max-particle-bytes)");
  }

  /** The operator's endpoints: the bearer token in the data directory, or 401 and nothing runs. */
  private Route operator(Supplier<Route> inner) {
    return optionalHeaderValueByName(
        "Authorization",
        header -> {
          String presented =
              header
                  .filter(h -> h.startsWith("Bearer "))
                  .map(h -> h.substring(7).trim())
                  .orElse("");
          if (!presented.isEmpty() && node.operatorToken().accepts(presented)) {
            return inner.get();
          }
          return complete(
              HttpResponse.create()
                  .withStatus(StatusCodes.UNAUTHORIZED)
                  .addHeader(RawHeader.create("WWW-Authenticate", "Bearer realm=\"gyre\""))
                  .withEntity(
                      HttpEntities.create(
                          ContentTypes.APPLICATION_JSON,
                          JsonViews.error(
                                  header.isEmpty()
                                      ? "this endpoint needs the peer's token: Authorization:"
                                          + " Bearer TOKEN (the peer's data directory has it in"
                                          + " http.token; gyre run --data-dir DIR or --token)"
                                      : "the token is not this peer's")
                              .toString())));
        });
  }

  private ObjectNode health() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    io.gyre.node.cluster.ClusterHealth cluster = node.clusterHealth();
    out.put("status", cluster.inMajority() && cluster.unreachable().isEmpty() ? "ok" : "degraded");
    out.put("peer_id", node.peerId());
    ArrayNode hosted = out.putArray("hosted_peers");
    node.hostedPeerIds().forEach(hosted::add);
    out.put("cluster_members", node.memberCount());
    out.put("known_peers", node.knownPeerIds().size());
    out.put("particles_in_flight", node.particlesInFlight());
    out.set("cluster", JsonViews.cluster(cluster));
    ArrayNode clientAddresses = out.putArray("client_addresses");
    node.clientAddresses().forEach(clientAddresses::add);
    out.put("clients_attached", node.attachedClients());
    return out;
  }

  private Route peers() {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode hosted = out.putArray("hosted");
    node.hostedPeerIds().forEach(hosted::add);
    ArrayNode known = out.putArray("known");
    node.knownPeerIds().stream().sorted().forEach(known::add);
    return json(StatusCodes.OK, out);
  }

  /**
   * {@code GET /market/offers|deals|deals/ID|ledger|dump}; for the operator {@code POST
   * /market/offers|deals|fund|withdraw}, {@code /market/deals/ID/deposit|cancel}, {@code
   * /market/offers/ID/withdraw}.
   */
  private Route market() {
    if (node.market().isEmpty()) {
      return complete404("no marketplace on this peer");
    }
    MarketEndpoints market = node.market().get();
    return concat(
        path(
            "offers",
            () ->
                concat(
                    get(() -> marketRead(market, MarketEndpoints.Read.OFFERS, null)),
                    post(() -> marketAct(market, MarketEndpoints.Act.OFFER, null)))),
        path(
            PathMatchers.segment("offers").slash(PathMatchers.segment()).slash("withdraw"),
            id -> post(() -> marketAct(market, MarketEndpoints.Act.WITHDRAW_OFFER, id))),
        path(
            "deals",
            () ->
                concat(
                    get(() -> marketRead(market, MarketEndpoints.Read.DEALS, null)),
                    post(() -> marketAct(market, MarketEndpoints.Act.DEAL, null)))),
        path(
            PathMatchers.segment("deals").slash(PathMatchers.segment()),
            id -> get(() -> marketRead(market, MarketEndpoints.Read.DEAL, id))),
        path(
            PathMatchers.segment("deals").slash(PathMatchers.segment()).slash("deposit"),
            id -> post(() -> marketAct(market, MarketEndpoints.Act.DEPOSIT, id))),
        path(
            PathMatchers.segment("deals").slash(PathMatchers.segment()).slash("cancel"),
            id -> post(() -> marketAct(market, MarketEndpoints.Act.CANCEL, id))),
        path("ledger", () -> get(() -> marketRead(market, MarketEndpoints.Read.LEDGER, null))),
        path("dump", () -> get(() -> marketRead(market, MarketEndpoints.Read.DUMP, null))),
        path("fund", () -> post(() -> marketAct(market, MarketEndpoints.Act.FUND, null))),
        path("withdraw", () -> post(() -> marketAct(market, MarketEndpoints.Act.WITHDRAW, null))));
  }

  private Route marketRead(MarketEndpoints market, MarketEndpoints.Read what, String id) {
    return onSuccess(
        market.read(what, java.util.Optional.ofNullable(id)),
        answer -> json(StatusCodes.get(answer.status()), answer.body()));
  }

  private Route marketAct(MarketEndpoints market, MarketEndpoints.Act what, String id) {
    return operator(
        () ->
            entity(
                Unmarshaller.entityToString(),
                body -> {
                  JsonNode request;
                  try {
                    request =
                        body.isBlank()
                            ? JsonNodeFactory.instance.objectNode()
                            : BoundedJson.read(body, limits, "the body");
                  } catch (IllegalArgumentException e) {
                    return json(StatusCodes.BAD_REQUEST, JsonViews.error(e.getMessage()));
                  }
                  return onSuccess(
                      market.act(what, java.util.Optional.ofNullable(id), request),
                      answer -> json(StatusCodes.get(answer.status()), answer.body()));
                }));
  }

  private Route complete404(String message) {
    return json(StatusCodes.NOT_FOUND, JsonViews.error(message));
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
      request = RunRequests.parse(body, limits);
    } catch (IllegalArgumentException e) {
      return json(StatusCodes.BAD_REQUEST, JsonViews.error(e.getMessage()));
    }
    // A run takes up to its TTL; the server's default request timeout (20 s) must not cut it short.
    return withRequestTimeout(
        scala.concurrent.duration.FiniteDuration.create(
            request.ttl().toMillis() + 10_000, TimeUnit.MILLISECONDS),
        () ->
            onSuccess(
                node.run(request), result -> json(statusOf(result), JsonViews.runResult(result))));
  }

  /** {@code POST /services?name=ALIAS}, the module's bytes as the body (streamed, size-limited). */
  private Route deploy() {
    return parameterOptional(
        "name",
        alias ->
            extractDataBytes(
                bytes ->
                    extractMaterializer(
                        materializer ->
                            onSuccess(
                                bytes
                                    .runFold(
                                        akka.util.ByteString.emptyByteString(),
                                        akka.util.ByteString::concat,
                                        materializer)
                                    .thenCompose(module -> node.deploy(module.toArray(), alias))
                                    .handle(DeployAnswer::of),
                                answer -> json(answer.status(), answer.body())))));
  }

  private Route remove(String serviceId) {
    return onSuccess(
        node.removeService(serviceId).handle(DeployAnswer::removed),
        answer -> json(answer.status(), answer.body()));
  }

  private Route describe(String serviceId) {
    return onSuccess(
        node.describeService(serviceId).handle(DeployAnswer::described),
        answer -> json(answer.status(), answer.body()));
  }

  private static StatusCode statusOf(RunResult result) {
    return switch (result.status()) {
      case RESPONDED, SENT, ERRORED -> StatusCodes.OK;
      case FAILED -> StatusCodes.UNPROCESSABLE_ENTITY;
      case UNDELIVERED -> StatusCodes.BAD_GATEWAY;
      case REFUSED -> StatusCodes.SERVICE_UNAVAILABLE;
      case EXPIRED -> StatusCodes.GATEWAY_TIMEOUT;
    };
  }

  /** Every error as {@code {"error": "..."}}: a rejected or failed request says why in JSON. */
  private static RejectionHandler rejections() {
    return RejectionHandler.defaultHandler()
        .mapRejectionResponse(
            response -> {
              if (response.entity().getContentType().equals(ContentTypes.APPLICATION_JSON)) {
                return response;
              }
              String text =
                  response.entity() instanceof akka.http.javadsl.model.HttpEntity.Strict strict
                      ? strict.getData().utf8String()
                      : response.status().reason();
              return response.withEntity(
                  ContentTypes.APPLICATION_JSON, JsonViews.error(text).toString());
            });
  }

  private ExceptionHandler errors() {
    return ExceptionHandler.newBuilder()
        .match(
            EntityStreamSizeException.class, e -> json(StatusCodes.PAYLOAD_TOO_LARGE, tooLarge()))
        .match(
            JsonLimitException.class,
            e -> json(StatusCodes.BAD_REQUEST, JsonViews.error(e.getMessage())))
        .build();
  }

  private Route json(StatusCode status, JsonNode body) {
    // Jackson writes by recursion: an answer nested too deep (a service's result) is refused whole.
    if (BoundedJson.depth(body) > 2 * JsonLimits.DEFAULT_DEPTH) {
      status = StatusCodes.INTERNAL_SERVER_ERROR;
      body =
          JsonViews.error(
              "the answer is nested deeper than " + 2 * JsonLimits.DEFAULT_DEPTH + " levels");
    }
    try {
      return complete(
          HttpResponse.create()
              .withStatus(status)
              .withEntity(
                  HttpEntities.create(
                      ContentTypes.APPLICATION_JSON, MAPPER.writeValueAsString(body))));
    } catch (JsonProcessingException e) {
      return complete(
          HttpResponse.create()
              .withStatus(StatusCodes.INTERNAL_SERVER_ERROR)
              .withEntity(
                  HttpEntities.create(
                      ContentTypes.APPLICATION_JSON,
                      JsonViews.error("cannot render JSON: " + e.getOriginalMessage())
                          .toString())));
    }
  }
}
