package io.gyre.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import io.gyre.node.access.OperatorToken;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deploy, describe, list and remove a service through the HTTP API: the module is the body, the
 * answer has the Aqua declaration, and a deploy whose alias is refused leaves nothing behind.
 */
class ServiceOperationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static java.nio.file.Path dir;
  private static TestNodes nodes;
  private static GyreNode node;
  private static String token;
  private static byte[] greeting;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("gyre-services-test");
    nodes = new TestNodes(dir);
    node = nodes.start("n1", List.of("relay"), Optional.empty());
    token = Files.readString(node.settings().dataDir().resolve(OperatorToken.FILE_NAME)).trim();
    try (InputStream in = ServiceOperationsTest.class.getResourceAsStream("/wasm/greeting.wasm")) {
      greeting = in.readAllBytes();
    }
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  private static HttpResponse<String> send(String method, String path, byte[] body)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int serviceCount() {
    return node.services(node.peerId()).services().size();
  }

  @Test
  void aServiceIsDeployedDescribedListedAndRemoved() throws Exception {
    HttpResponse<String> deployed = send("POST", "/services?name=hello", greeting);
    assertEquals(201, deployed.statusCode(), deployed.body());
    JsonNode answer = JSON.readTree(deployed.body());
    String id = answer.path("service_id").asText();
    assertEquals("hello", answer.path("alias").asText());
    assertTrue(answer.path("aqua").asText().contains("service "), deployed.body());
    assertEquals(
        node.peerId().base58(),
        node.services(node.peerId()).resolve(id).orElseThrow().ownerPeerId(),
        "owned by the peer's id");

    JsonNode described = JSON.readTree(send("GET", "/services/hello", new byte[0]).body());
    assertEquals(id, described.path("id").asText());
    assertTrue(
        described.path("interface").path("function_signatures").size() > 0, described.toString());

    // The cluster's listing is replicated (Distributed Data): it shows the service shortly.
    JsonNode listed = JSON.readTree(send("GET", "/services", new byte[0]).body());
    for (int i = 0; i < 300 && !listed.toString().contains(id); i++) {
      Thread.sleep(100);
      listed = JSON.readTree(send("GET", "/services", new byte[0]).body());
    }
    assertTrue(listed.toString().contains(id), listed.toString());
    assertTrue(listed.get(0).path("reachable").asBoolean(), listed.toString());

    HttpResponse<String> removed = send("DELETE", "/services/" + id, new byte[0]);
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals(404, send("GET", "/services/" + id, new byte[0]).statusCode());
    assertFalse(node.services(node.peerId()).resolve(id).isPresent());
  }

  @Test
  void aDeployWhoseAliasIsRefusedLeavesNoServiceBehind() throws Exception {
    int before = serviceCount();
    HttpResponse<String> refused = send("POST", "/services?name=srv", greeting);
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(
        JSON.readTree(refused.body()).path("error").asText().contains("alias 'srv' refused"),
        refused.body());
    assertEquals(before, serviceCount(), "the service made before the alias was removed");
  }

  @Test
  void aModuleThatIsNotWasmIsA422InJson() throws Exception {
    HttpResponse<String> refused = send("POST", "/services?name=junk", "not wasm".getBytes());
    assertEquals(422, refused.statusCode(), refused.body());
    assertTrue(
        JSON.readTree(refused.body()).path("error").asText().contains("refused"), refused.body());
  }
}
