package io.gyre.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import io.gyre.node.access.OperatorToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer as an attacker meets it: its acting endpoints need the operator's token, and no input
 * (nested 20,000 levels deep, larger than the limit) stops it: each gets a clear error and the peer
 * serves on.
 */
class ExposedPeerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final int DEEP = 20_000;
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode node;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    nodes = new TestNodes(dir);
    node =
        nodes.start(
            "n1",
            List.of("relay"),
            Optional.empty(),
            Map.of("gyre.node.limits.max-particle-bytes", "256 KiB"));
    Path file = node.settings().dataDir().resolve(OperatorToken.FILE_NAME);
    token = Files.readString(file).trim();
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static HttpResponse<String> send(String method, String path, String body, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (!bearer.isEmpty()) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A run request's body for {@code air}. */
  private static String run(String air) {
    return JSON.createObjectNode().put("air", air).toString();
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static void assertServes() throws Exception {
    HttpResponse<String> health = send("GET", "/health", "", "");
    assertEquals(200, health.statusCode(), health.body());
    JsonNode ran =
        JSON.readTree(
            send(
                    "POST",
                    "/run",
                    run(
                        "(seq (call %init_peer_id% (\"op\" \"identity\") [\"ok\"] r)"
                            + " (call %init_peer_id% (\"callbackSrv\" \"response\") [r]))"),
                    token)
                .body());
    assertEquals("responded", ran.path("status").asText(), ran.toString());
  }

  @Test
  void theTokenIsMadeOnFirstStartReadableOnlyByItsOwner() throws Exception {
    Path file = node.settings().dataDir().resolve(OperatorToken.FILE_NAME);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(token.length() >= 43, token);
    assertEquals("127.0.0.1", node.settings().http().host(), "loopback unless told otherwise");
  }

  @Test
  void actingEndpointsRefuseAMissingOrWrongTokenAndNothingRuns() throws Exception {
    long received = node.metrics().particlesReceived.getLongValue();
    for (String bearer : List.of("", "not-the-token", token + "x")) {
      HttpResponse<String> run = send("POST", "/run", "{\"air\": \"(null)\"}", bearer);
      assertEquals(401, run.statusCode(), run.body());
      assertTrue(JSON.readTree(run.body()).path("error").isTextual(), run.body());
      assertEquals(401, send("POST", "/services?name=x", "\0asm", bearer).statusCode());
      assertEquals(401, send("DELETE", "/services/x", "", bearer).statusCode());
      assertEquals(401, send("GET", "/particles/x", "", bearer).statusCode());
    }
    assertEquals(received, node.metrics().particlesReceived.getLongValue(), "nothing ran");
    // Read-only endpoints stay open.
    assertEquals(200, send("GET", "/health", "", "").statusCode());
    assertEquals(200, send("GET", "/peers", "", "").statusCode());
    assertEquals(200, send("GET", "/services", "", "").statusCode());
    assertEquals(200, send("GET", "/metrics", "", "").statusCode());
  }

  @Test
  void argumentsNestedTwentyThousandLevelsDeepAreA400NamingTheLimit() throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/run",
            "{\"air\": \"(null)\", \"args\": {\"a\": " + nested(DEEP) + "}}",
            token);
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        JSON.readTree(response.body())
            .path("error")
            .asText()
            .contains("the body is nested deeper than 512 levels"),
        response.body());
    assertServes();
  }

  @Test
  void aCompileBodyNestedTwentyThousandLevelsDeepIsA400NamingTheLimit() throws Exception {
    HttpResponse<String> response =
        send("POST", "/aqua/compile", "{\"source\": " + nested(DEEP) + "}", "");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(
        JSON.readTree(response.body())
            .path("error")
            .asText()
            .contains("the body is nested deeper than 512 levels"),
        response.body());
    assertServes();
  }

  @Test
  void aBodyOverTheParticleLimitIsA413InJson() throws Exception {
    HttpResponse<String> response = send("POST", "/run", run("x".repeat(300 * 1024)), token);
    assertEquals(413, response.statusCode(), response.body());
    assertTrue(
        JSON.readTree(response.body()).path("error").asText().contains("262144 bytes"),
        response.body());
    assertServes();
  }

  @Test
  void deepValuesInsideAParticleFailItsCallsNotThePeer() throws Exception {
    // A blueprint and a json.parse argument 20,000 levels deep, read on the particle's thread.
    for (String call :
        List.of(
            "(call %init_peer_id% (\"dist\" \"add_blueprint\") [\"" + nested(DEEP) + "\"] r)",
            "(call %init_peer_id% (\"json\" \"parse\") [\"" + nested(DEEP) + "\"] r)")) {
      String air =
          "(xor "
              + call
              + " (call %init_peer_id% (\"callbackSrv\" \"response\") [:error:.$.message]))";
      HttpResponse<String> response = send("POST", "/run", run(air), token);
      assertEquals(200, response.statusCode(), response.body());
      JsonNode result = JSON.readTree(response.body());
      assertEquals("responded", result.path("status").asText(), result.toString());
      assertFalse(result.path("response").asText().isEmpty(), result.toString());
    }
    assertServes();
  }

  @Test
  void anAnswerNestedAboveTheLimitIsAClearErrorNotACrash() throws Exception {
    // json.parse makes a service result 1,024 levels deep; the run answers it to the caller.
    String air =
        "(seq (call %init_peer_id% (\"json\" \"parse\") [\""
            + nested(1_024)
            + "\"] r) (call %init_peer_id% (\"callbackSrv\" \"response\") [r]))";
    HttpResponse<String> response = send("POST", "/run", run(air), token);
    assertEquals(500, response.statusCode(), response.body());
    assertEquals(
        "the answer is nested deeper than 1024 levels",
        JSON.readTree(response.body()).path("error").asText(),
        response.body());
    assertServes();
  }

  @Test
  void aScriptNestedTwentyThousandLevelsDeepIsAnErrorNotACrash() throws Exception {
    String air = "(seq ".repeat(DEEP) + "(null)" + " (null))".repeat(DEEP);
    HttpResponse<String> response =
        send(
            "POST",
            "/run",
            JSON.createObjectNode().put("air", air).put("await_response", false).toString(),
            token);
    assertTrue(response.statusCode() < 500, response.body());
    assertServes();
  }
}
