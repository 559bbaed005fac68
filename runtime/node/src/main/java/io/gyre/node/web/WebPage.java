package io.gyre.node.web;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpEntities;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCode;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import akka.http.scaladsl.model.EntityStreamSizeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.node.json.JsonLimits;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * The playground and dashboard every peer serves: the page at {@code /}, its static files under
 * {@code /ui/}, and {@code POST /aqua/compile}, which compiles the editor's Aqua on the peer (it
 * runs nothing). Everything else the page shows comes from the HTTP API's own endpoints.
 */
public final class WebPage extends AllDirectives {
  /** The largest source the playground compiles. */
  public static final int MAX_SOURCE_BYTES = 256 * 1024;

  /** The largest body taken: the source and room for the JSON around it. */
  static final JsonLimits BODY_LIMITS =
      new JsonLimits(JsonLimits.DEFAULT_DEPTH, MAX_SOURCE_BYTES + 4096L);

  /** Compilations at once; more are answered 503 (the peer's cores are for particles). */
  static final int MAX_CONCURRENT_COMPILES = 2;

  private static final String RESOURCES = "io/gyre/node/web/page";

  /** Nothing from anywhere but this peer; no inline script. */
  private static final List<HttpHeader> PAGE_HEADERS =
      List.of(
          RawHeader.create(
              "Content-Security-Policy",
              "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
                  + " img-src 'self' data:; base-uri 'none'; form-action 'none';"
                  + " frame-ancestors 'none'"),
          RawHeader.create("X-Content-Type-Options", "nosniff"),
          RawHeader.create("Referrer-Policy", "no-referrer"),
          RawHeader.create("Cache-Control", "no-cache"));

  private final PlaygroundCompiler compiler;
  private final Semaphore compiling = new Semaphore(MAX_CONCURRENT_COMPILES);

  public WebPage(PlaygroundCompiler compiler) {
    this.compiler = compiler;
  }

  /** The page's routes over the standard import roots (the HTTP API's hook). */
  public static Route standardRoute() {
    return new WebPage(PlaygroundCompiler.standard()).route();
  }

  public Route route() {
    return concat(
        pathSingleSlash(
            () ->
                get(
                    () ->
                        respondWithHeaders(
                            PAGE_HEADERS, () -> getFromResource(RESOURCES + "/index.html")))),
        pathPrefix(
            "ui",
            () ->
                get(
                    () ->
                        respondWithHeaders(
                            PAGE_HEADERS, () -> getFromResourceDirectory(RESOURCES)))),
        path(PathMatchers.segment("aqua").slash("compile"), () -> post(this::compileRequest)));
  }

  /**
   * A body over the limit is a 413 in JSON. One whose length is announced is read to its end and
   * dropped first, so the client, still sending, gets the answer rather than a reset connection;
   * one sent without its length is cut off at the limit.
   */
  private Route compileRequest() {
    return extractMaterializer(
        materializer ->
            extractRequestEntity(
                entity -> {
                  long declared = entity.getContentLengthOption().orElse(0L);
                  if (declared > BODY_LIMITS.maxBytes()) {
                    return onComplete(
                        entity.discardBytes(materializer).completionStage(),
                        done -> tooLarge("the body is " + declared + " bytes"));
                  }
                  return onComplete(
                      Unmarshaller.entityToString()
                          .unmarshal(entity.withSizeLimit(BODY_LIMITS.maxBytes()), materializer),
                      body ->
                          body.isSuccess() ? compile(body.get()) : unreadable(body.failed().get()));
                }));
  }

  private Route unreadable(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof EntityStreamSizeException) {
      return tooLarge("the body is larger than " + BODY_LIMITS.maxBytes() + " bytes");
    }
    return json(StatusCodes.BAD_REQUEST, error("the body cannot be read: " + cause.getMessage()));
  }

  private Route compile(String body) {
    String source;
    try {
      source = CompileJson.source(body, BODY_LIMITS);
    } catch (IllegalArgumentException e) {
      return json(StatusCodes.BAD_REQUEST, error(e.getMessage()));
    }
    long bytes = source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_SOURCE_BYTES) {
      return tooLarge("the source is " + bytes + " bytes");
    }
    if (!compiling.tryAcquire()) {
      return json(
          StatusCodes.SERVICE_UNAVAILABLE,
          error(
              "the peer is compiling " + MAX_CONCURRENT_COMPILES + " sources already; try again"));
    }
    return extractActorSystem(
        system -> {
          Executor blocking =
              system.dispatchers().lookup("akka.actor.default-blocking-io-dispatcher");
          CompletableFuture<PlaygroundCompiler.Outcome> done =
              CompletableFuture.supplyAsync(() -> compiler.compile(source), blocking)
                  .whenComplete((outcome, failure) -> compiling.release());
          return onComplete(
              done,
              result -> {
                if (result.isFailure()) {
                  return json(
                      StatusCodes.INTERNAL_SERVER_ERROR,
                      error("the compiler failed: " + result.failed().get()));
                }
                PlaygroundCompiler.Outcome outcome = result.get();
                return json(
                    outcome instanceof PlaygroundCompiler.Compiled
                        ? StatusCodes.OK
                        : StatusCodes.UNPROCESSABLE_ENTITY,
                    CompileJson.outcome(outcome));
              });
        });
  }

  /** A 413 saying what was too large and the playground's limit. */
  private Route tooLarge(String what) {
    return json(
        StatusCodes.PAYLOAD_TOO_LARGE,
        error(what + "; the playground compiles at most " + MAX_SOURCE_BYTES + " bytes"));
  }

  private static JsonNode error(String message) {
    return JsonNodeFactory.instance.objectNode().put("error", message);
  }

  /** A JSON answer ({@code JsonNode.toString()} writes JSON: no mapper, nothing to fail). */
  private Route json(StatusCode status, JsonNode body) {
    return complete(
        HttpResponse.create()
            .withStatus(status)
            .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body.toString())));
  }
}
