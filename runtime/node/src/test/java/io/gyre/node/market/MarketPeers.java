package io.gyre.node.market;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.identity.PeerId;
import io.gyre.marketplace.MarketDump;
import io.gyre.node.GyreNode;
import io.gyre.node.Scripts;
import io.gyre.node.access.OperatorToken;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** What the marketplace tests do to peers: runs as a peer, HTTP as the operator, waits. */
final class MarketPeers {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Settings every node of a test cluster shares: short epochs, a cheap puzzle. */
  static final Map<String, String> FAST =
      Map.of(
          "gyre.node.market.epoch-length", "3s",
          "gyre.node.market.audit-timeout", "5s",
          "gyre.node.market.puzzle.memory-kib", "64",
          "gyre.node.market.puzzle.difficulty-bits", "3");

  private MarketPeers() {}

  static Map<String, String> marketNode() {
    Map<String, String> settings = new java.util.HashMap<>(FAST);
    settings.put("gyre.node.market.enabled", "on");
    return settings;
  }

  /** Calls {@code service.function(args)} on {@code host}, as {@code actor} on {@code node}. */
  static RunResult call(
      GyreNode node, PeerId actor, PeerId host, String service, String function, String args) {
    String script =
        Scripts.orErrorMessage(Scripts.callAndRespond(host.base58(), service, function, args));
    return node.run(
            new RunRequest(
                script,
                Map.of(),
                Duration.ofSeconds(30),
                Optional.of(actor.base58()),
                Optional.empty()))
        .toCompletableFuture()
        .orTimeout(40, TimeUnit.SECONDS)
        .join();
  }

  static JsonNode response(RunResult result) {
    assertTrue(result.ok(), () -> "run " + result.status() + " " + result.message());
    return result.response().orElseThrow();
  }

  static HttpResponse<String> http(GyreNode node, String method, String path, String body)
      throws Exception {
    if (method.equals("POST")) {
      String token = OperatorToken.readFrom(node.settings().dataDir()).orElseThrow();
      return post(node, path, body, Optional.of("Bearer " + token));
    }
    return send(request(node, path));
  }

  /** A POST with the given Authorization header, or none. */
  static HttpResponse<String> post(
      GyreNode node, String path, String body, Optional<String> authorization) throws Exception {
    HttpRequest.Builder request =
        request(node, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    authorization.ifPresent(value -> request.header("Authorization", value));
    return send(request);
  }

  private static HttpRequest.Builder request(GyreNode node, String path) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path))
        .timeout(Duration.ofSeconds(30));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return MAPPER.readTree(response.body());
  }

  /** The marketplace's state once {@code until} holds, asked every 300 ms for up to {@code max}. */
  static MarketDump await(GyreNode node, Duration max, String what, Predicate<MarketDump> until)
      throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    MarketDump last = null;
    while (System.nanoTime() < deadline) {
      try {
        last =
            node.market()
                .marketplace()
                .view()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .dump();
        if (until.test(last)) {
          return last;
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // the singleton is starting or moving: ask again
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "waited "
            + max
            + " for "
            + what
            + "; last state: "
            + (last == null ? "none" : last.toJson()));
  }

  static byte[] greetingWasm() throws Exception {
    try (InputStream in = MarketPeers.class.getResourceAsStream("/wasm/greeting.wasm")) {
      return in.readAllBytes();
    }
  }

  static long balance(MarketDump dump, String account) {
    return dump.accounts().getOrDefault(account, 0L);
  }
}
