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
 * Mutated run and compile requests (deep, long, binary, wrong types, broken Aqua) posted to a
 * running peer with its token: each gets a JSON answer that is not a server error, and after each
 * the peer is healthy and its deployed service is still listed.
 */
class HttpFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Set<Integer> EXPECTED = Set.of(200, 400, 413, 422, 502, 503, 504);
  private static final Set<Integer> EXPECTED_COMPILE = Set.of(200, 400, 413, 422, 503);
  private static final String AQUA =
      """
      aqua Fuzz declares *

      export f

      func f(name: string, xs: []u32) -> string:
          n = 1 + 2 * (3 - 4)
          ys = [1, 2, [3]]
          <- name
      """;
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

  @Property(tries = 300, seed = "11")
  void aMutatedCompileRequestNeverHurtsThePeer(@ForAll("mutatedCompileBodies") byte[] body)
      throws Exception {
    HttpResponse<String> answer =
        send("POST", "/aqua/compile", HttpRequest.BodyPublishers.ofByteArray(body));
    assertTrue(
        EXPECTED_COMPILE.contains(answer.statusCode()), answer.statusCode() + " " + answer.body());
    JSON.readTree(answer.body()); // every answer is JSON

    assertEquals(200, send("GET", "/health", HttpRequest.BodyPublishers.noBody()).statusCode());
    assertTrue(listed(), "the deployed service " + serviceId + " is still listed");
  }

  /** A JSON value as text: nested up to 30,000 levels, unbalanced, long, or of a wrong type. */
  private static Arbitrary<String> hostileValue() {
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
    return Arbitraries.oneOf(deep, unbalanced, longText, wrongType);
  }

  /** JSON bodies, binary and truncated bodies around {@code json}. */
  private static Arbitrary<byte[]> bodies(Arbitrary<String> json) {
    Arbitrary<byte[]> binary = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    Arbitrary<byte[]> truncated =
        Combinators.combine(json, Arbitraries.doubles().between(0, 1))
            .as((j, f) -> j.substring(0, (int) (j.length() * f)).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(json.map(j -> j.getBytes(StandardCharsets.UTF_8)), binary, truncated);
  }

  @Provide
  Arbitrary<byte[]> mutatedCompileBodies() {
    // Aqua that is cut, spliced with noise, or nested up to 30,000 levels deep.
    Arbitrary<String> cut =
        Arbitraries.integers().between(0, AQUA.length()).map(n -> AQUA.substring(0, n));
    Arbitrary<String> noisy =
        Combinators.combine(
                Arbitraries.integers().between(0, AQUA.length()),
                Arbitraries.strings().ofMaxLength(40))
            .as((at, noise) -> AQUA.substring(0, at) + noise + AQUA.substring(at));
    Arbitrary<String> deepAqua =
        Combinators.combine(
                Arbitraries.integers().between(1, 30_000), Arbitraries.of("()", "[]", "{}"))
            .as(
                (n, pair) ->
                    AQUA.replace(
                        "<- name",
                        "<- "
                            + String.valueOf(pair.charAt(0)).repeat(n)
                            + "name"
                            + String.valueOf(pair.charAt(1)).repeat(n)));
    Arbitrary<String> source =
        Arbitraries.oneOf(cut, noisy, deepAqua).map(text -> JSON.valueToTree(text).toString());
    Arbitrary<String> json =
        Combinators.combine(
                Arbitraries.of("source", "x"), Arbitraries.oneOf(source, hostileValue()))
            .as((name, v) -> "{\"" + name + "\": " + v + "}");
    return bodies(json);
  }

  @Provide
  Arbitrary<byte[]> mutatedBodies() {
    Arbitrary<String> value = hostileValue();
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
    return bodies(json);
  }
}
