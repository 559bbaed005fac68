package io.gyre.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import io.gyre.node.metrics.PrometheusText;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode node;

  @BeforeAll
  static void start() {
    nodes = new TestNodes(dir);
    node = nodes.start("n1", List.of("relay", "alice"), Optional.empty());
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String token() throws Exception {
    return java.nio.file.Files.readString(
            node.settings().dataDir().resolve(io.gyre.node.access.OperatorToken.FILE_NAME))
        .trim();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path);
  }

  @Test
  void healthNamesThePeersAndTheCluster() throws Exception {
    HttpResponse<String> response = get("/health");
    JsonNode health = JSON.readTree(response.body());
    assertEquals(200, response.statusCode());
    assertEquals("ok", health.get("status").asText());
    assertEquals(KeyPair.fromSeedName("relay").peerId().base58(), health.get("peer_id").asText());
    assertEquals(2, health.get("hosted_peers").size());
  }

  @Test
  void metricsAreInPrometheusTextFormat() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    assertTrue(
        response.body().contains("# TYPE gyre_particles_received_total counter"), response.body());
    assertTrue(response.body().contains("gyre_particles_refused_total{reason=\"bad_signature\"}"));
    assertTrue(response.body().contains("gyre_service_call_seconds_bucket{le=\"+Inf\"}"));
    assertTrue(response.body().contains("gyre_cluster_members"));
  }

  @Test
  void aScrapeIsStrictTextFormatWithTheNodesCountsAndTheJvms() throws Exception {
    node.awaitPeers(List.of(KeyPair.fromSeedName("alice").peerId().base58())).get();
    RunResult ran =
        node.run(
                new RunRequest(
                    "(null)",
                    java.util.Map.of(),
                    java.time.Duration.ofSeconds(30),
                    Optional.empty(),
                    Optional.empty(),
                    false))
            .toCompletableFuture()
            .get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(RunResult.Status.SENT, ran.status(), ran.toString());

    HttpResponse<String> response = get("/metrics");
    assertEquals(
        "text/plain; version=0.0.4; charset=UTF-8",
        response.headers().firstValue("content-type").orElse(""));
    PrometheusText.Exposition metrics = PrometheusText.parse(response.body());

    assertEquals("counter", metrics.types().get("gyre_particles_received_total"));
    assertTrue(metrics.value("gyre_particles_received_total") >= 1, response.body());
    assertTrue(metrics.value("gyre_interpreter_run_seconds_count") >= 1, response.body());
    assertEquals(0.0, metrics.value("gyre_particles_refused_total{reason=\"shutting_down\"}"));
    assertEquals(2.0, metrics.value("gyre_known_peers"), response.body());
    assertEquals("histogram", metrics.types().get("gyre_service_call_seconds"));
    assertEquals("histogram", metrics.types().get("gyre_run_seconds"));
    assertTrue(metrics.value("gyre_run_seconds_count") >= 1, response.body());
    // The JVM's own, from the client's standard collectors.
    assertTrue(metrics.value("jvm_memory_used_bytes{area=\"heap\"}") > 0, response.body());
    assertTrue(metrics.value("jvm_threads_current") > 0, response.body());
    assertTrue(
        metrics.samples().keySet().stream()
            .anyMatch(k -> k.startsWith("jvm_gc_collection_seconds")),
        response.body());
  }

  @Test
  void peersListsHostedAndKnownPeers() throws Exception {
    node.awaitPeers(List.of(KeyPair.fromSeedName("alice").peerId().base58())).get();
    JsonNode peers = JSON.readTree(get("/peers").body());
    assertEquals(2, peers.get("hosted").size());
    assertTrue(
        peers.get("known").toString().contains(KeyPair.fromSeedName("alice").peerId().base58()));
  }

  @Test
  void anUnknownParticleHasNoTrace() throws Exception {
    assertEquals(401, get("/particles/no-such-particle").statusCode(), "a trace shows arguments");
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/particles/no-such-particle"))
                .header("Authorization", "Bearer " + token())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode());
    assertTrue(response.body().contains("no trace of particle no-such-particle"));
  }

  @Test
  void badRunRequestsAreRefusedNamingTheProblem() throws Exception {
    assertBadRequest("{\"air\": ", "the body is not JSON");
    assertBadRequest("[1, 2]", "must be a JSON object");
    assertBadRequest("{\"args\": {}}", "\"air\" must be the function's AIR script");
    assertBadRequest("{\"air\": \"(null)\", \"args\": [1]}", "\"args\" must be an object");
    assertBadRequest(
        "{\"air\": \"(null)\", \"ttl_ms\": -5}", "\"ttl_ms\" must be a number of milliseconds");
    assertBadRequest("{\"air\": \"(null)\", \"peer\": 7}", "\"peer\" must be a peer id string");
  }

  @Test
  void aRunOnAPeerThisNodeDoesNotHostIsRefused() throws Exception {
    HttpResponse<String> response =
        post(
            "/run",
            "{\"air\": \"(null)\", \"peer\": \"" + KeyPair.fromSeedName("bob").peerId() + "\"}");
    assertEquals(503, response.statusCode());
    JsonNode result = JSON.readTree(response.body());
    assertEquals("refused", result.get("status").asText());
    assertTrue(result.get("message").asText().contains("is not hosted by this node"));
  }

  @Test
  void aRunToAPeerNobodyKnowsIsA502AtOnceNamingIt() throws Exception {
    String eve = KeyPair.fromSeedName("eve").peerId().base58();
    String body =
        JSON.createObjectNode()
            .put("air", "(call \"" + eve + "\" (\"op\" \"noop\") [])")
            .put("ttl_ms", 30_000)
            .toString();
    long sent = System.nanoTime();
    HttpResponse<String> response = post("/run", body);
    long failedAfterMs = (System.nanoTime() - sent) / 1_000_000;

    assertEquals(502, response.statusCode(), response.body());
    JsonNode result = JSON.readTree(response.body());
    assertEquals("undelivered", result.get("status").asText());
    assertEquals(
        "no route to peer " + eve + " (not a member of this cluster)",
        result.get("message").asText());
    assertTrue(failedAfterMs < 1_000, "within a second, not at the 30 s TTL: " + failedAfterMs);
  }

  private static void assertBadRequest(String body, String expected) throws Exception {
    HttpResponse<String> response = post("/run", body);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        JSON.readTree(response.body()).get("error").asText().contains(expected), response.body());
  }
}
