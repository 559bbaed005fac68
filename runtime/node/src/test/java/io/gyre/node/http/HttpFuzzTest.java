package io.gyre.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import io.gyre.node.access.OperatorToken;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated run requests (deep, long, binary, wrong types) posted to a running peer with its token:
 * each gets a JSON answer that is not a server error, and after each the peer is healthy and its
 * deployed service is still listed and answers.
 */
class HttpFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Set<Integer> EXPECTED = Set.of(200, 400, 413, 422, 502, 503, 504);
  private static final String RESPOND =
      "(call %init_peer_id% (\"callbackSrv\" \"response\") [\"ok\"])";
  private static Path dir;
  private static TestNodes nodes;
  private static GyreNode node;
  private static String token;
  private static String serviceId;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("gyre-fuzz");
    nodes = new TestNodes(dir);
    node =
        nodes.start(
            "n1",
            List.of("relay"),
            Optional.empty(),
            java.util.Map.of("gyre.node.limits.max-particle-bytes", "1 MiB"));
    token = Files.readString(node.settings().dataDir().resolve(OperatorToken.FILE_NAME)).trim();
    byte[] greeting;
    try (InputStream in = HttpFuzzTest.class.getResourceAsStream("/wasm/greeting.wasm")) {
      greeting = in.readAllBytes();
    }
    HttpResponse<String> deployed =
        send("POST", "/services?name=greeting", HttpRequest.BodyPublishers.ofByteArray(greeting));
    serviceId = JSON.readTree(deployed.body()).path("service_id").asText();
    // The cluster's listing is replicated (Distributed Data): wait until it shows the service.
    for (int i = 0; i < 300 && !listed(); i++) {
      Thread.sleep(100);
    }
  }

  private static boolean listed() throws Exception {
    return send("GET", "/services", HttpRequest.BodyPublishers.noBody()).body().contains(serviceId);
  }

  @AfterContainer
  static void stop() {
    nodes.close();
  }

  private static HttpResponse<String> send(
      String method, String path, HttpRequest.BodyPublisher body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30))
            .method(method, body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Property(tries = 2000, seed = "11")
  void aMutatedRunRequestNeverHurtsThePeer(@ForAll("mutatedBodies") byte[] body) throws Exception {
    HttpResponse<String> answer =
        send("POST", "/run", HttpRequest.BodyPublishers.ofByteArray(body));
    assertTrue(EXPECTED.contains(answer.statusCode()), answer.statusCode() + " " + answer.body());
    JSON.readTree(answer.body()); // every answer is JSON

    assertEquals(200, send("GET", "/health", HttpRequest.BodyPublishers.noBody()).statusCode());
    assertTrue(listed(), "the deployed service " + serviceId + " is still listed");
  }

  @Provide
  Arbitrary<byte[]> mutatedBodies() {
    Arbitrary<String> deep =
        Arbitraries.integers().between(1, 30_000).map(n -> "[".repeat(n) + "]".repeat(n));
    Arbitrary<String> unbalanced =
        Arbitraries.integers().between(1, 30_000).map("{\"a\":["::repeat);
    Arbitrary<String> longText =
        Arbitraries.integers().between(0, 300_000).map(n -> "\"" + "x".repeat(n) + "\"");
    Arbitrary<String> wrongType =
        Arbitraries.of(
            "1",
            "-1",
            "1e309",
            "true",
            "null",
            "{}",
            "[]",
            "\"\"",
            "\"(seq\"",
            "18446744073709551616");
    Arbitrary<String> value = Arbitraries.oneOf(deep, unbalanced, longText, wrongType);
    Arbitrary<String> field =
        Arbitraries.of("air", "args", "ttl_ms", "peer", "relay", "await_response", "x");
    Arbitrary<String> json =
        Combinators.combine(field, value)
            .as(
                (name, v) -> {
                  String args = name.equals("args") ? v : "{\"a\": 1}";
                  String air = name.equals("air") ? v : JSON.valueToTree(RESPOND).toString();
                  String other =
                      name.equals("air") || name.equals("args") ? "" : ", \"" + name + "\": " + v;
                  return "{\"air\": "
                      + air
                      + ", \"args\": "
                      + args
                      + ", \"ttl_ms\": 5000"
                      + other
                      + "}";
                });
    Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    Arbitrary<byte[]> truncated =
        Combinators.combine(json, Arbitraries.doubles().between(0, 1))
            .as((j, f) -> j.substring(0, (int) (j.length() * f)).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(json.map(j -> j.getBytes(StandardCharsets.UTF_8)), binary, truncated);
  }
}
