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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

  private Route compileRequest() {
    return extractRequestEntity(
        entity -> {
          long declared = entity.getContentLengthOption().orElse(0L);
          if (declared > MAX_SOURCE_BYTES) {
            return tooLarge(declared);
          }
          return withSizeLimit(
              MAX_SOURCE_BYTES + 4096L, () -> entity(Unmarshaller.entityToString(), this::compile));
        });
  }

  private Route compile(String body) {
    String source;
    try {
      source = CompileJson.source(body);
    } catch (IllegalArgumentException e) {
      return json(StatusCodes.BAD_REQUEST, error(e.getMessage()));
    }
    long bytes = source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (bytes > MAX_SOURCE_BYTES) {
      return tooLarge(bytes);
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

  private Route tooLarge(long bytes) {
    return json(
        StatusCodes.PAYLOAD_TOO_LARGE,
        error(
            "the source is "
                + bytes
                + " bytes; the playground compiles at most "
                + MAX_SOURCE_BYTES
                + " bytes"));
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
