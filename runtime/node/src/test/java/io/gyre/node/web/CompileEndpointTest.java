package io.gyre.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /aqua/compile} and the page's static files, over HTTP on a real node. */
class CompileEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode node;

  @BeforeAll
  static void start() {
    nodes = new TestNodes(dir);
    node = nodes.start("n1", List.of("relay"), Optional.empty());
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  @Test
  void exportedFunctionsComeWithTheirArgumentsResultsAndAir() throws Exception {
    HttpResponse<String> response =
        compile(
            """
            aqua Hello declares *

            export hello

            import "@fluencelabs/aqua-lib/builtin.aqua"

            func hello(name: string, times: ?u32) -> string:
                greeting <- Op.concat_strings("Hello, ", name)
                <- greeting
            """);
    assertEquals(200, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertTrue(body.get("ok").asBoolean());
    JsonNode hello = body.get("functions").get(0);
    assertEquals("hello", hello.get("name").asText());
    assertEquals(
        "[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"times\",\"type\":\"?u32\"}]",
        hello.get("arguments").toString());
    assertEquals("[\"string\"]", hello.get("results").toString());
    assertTrue(
        hello.get("air").asText().contains("(call %init_peer_id% (\"getDataSrv\" \"name\") [] "),
        hello.get("air").asText());
  }

  @Test
  void errorsComeWithTheirLineColumnAndCaret() throws Exception {
    HttpResponse<String> response =
        compile("aqua Bad declares *\n\nfunc f() -> string:\n    <- undefined_name\n");
    assertEquals(422, response.statusCode(), response.body());
    JsonNode body = JSON.readTree(response.body());
    assertEquals(false, body.get("ok").asBoolean());
    JsonNode first = body.get("diagnostics").get(0);
    assertEquals("playground.aqua", first.get("file").asText());
    assertEquals(4, first.get("line").asInt());
    assertEquals(8, first.get("column").asInt());
    assertEquals("error", first.get("severity").asText());
    assertTrue(
        first.get("rendered").asText().contains("4 |     <- undefined_name\n"), response.body());
    assertTrue(first.get("rendered").asText().endsWith("^~~~~~~~~~~~~~"), response.body());
    assertTrue(body.get("error").asText().startsWith("playground.aqua:4:8: "), response.body());
  }

  @Test
  void importsOutsideTheRootsAreRefusedBeforeAnythingIsRead() throws Exception {
    HttpResponse<String> response =
        compile("aqua A declares *\n\nimport \"" + dir.resolve("n1/peer.key") + "\"\n");
    assertEquals(422, response.statusCode(), response.body());
    JsonNode first = JSON.readTree(response.body()).get("diagnostics").get(0);
    assertEquals(3, first.get("line").asInt());
    assertTrue(first.get("message").asText().contains("no absolute paths"), response.body());
  }

  @Test
  void badRequestsAreAnsweredWithASentence() throws Exception {
    HttpResponse<String> notJson = post("/aqua/compile", "aqua A");
    assertEquals(400, notJson.statusCode());
    assertTrue(
        JSON.readTree(notJson.body()).get("error").asText().startsWith("the body is not JSON"));

    HttpResponse<String> noSource = post("/aqua/compile", "{\"text\": \"\"}");
    assertEquals(400, noSource.statusCode());
    assertEquals(
        "the body must be a JSON object {\"source\": \"<Aqua text>\"}",
        JSON.readTree(noSource.body()).get("error").asText());

    HttpResponse<String> tooLarge = compile("-- " + "x".repeat(WebPage.MAX_SOURCE_BYTES));
    assertEquals(413, tooLarge.statusCode());
    assertTrue(
        JSON.readTree(tooLarge.body())
            .get("error")
            .asText()
            .endsWith("the playground compiles at most " + WebPage.MAX_SOURCE_BYTES + " bytes"),
        tooLarge.body());
  }

  @Test
  void aBodyOverTheLimitIsA413InJsonWithOrWithoutItsLength() throws Exception {
    String body = JSON.createObjectNode().put("source", "-- " + "x".repeat(1024 * 1024)).toString();
    HttpResponse<String> declared = post("/aqua/compile", body);
    assertEquals(413, declared.statusCode(), declared.body());
    assertEquals(
        "the body is "
            + body.length()
            + " bytes; the playground compiles at most "
            + WebPage.MAX_SOURCE_BYTES
            + " bytes",
        JSON.readTree(declared.body()).get("error").asText());

    // Streamed without a length: cut off at the limit, still a JSON 413 naming it.
    HttpResponse<String> streamed =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/aqua/compile"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, streamed.statusCode(), streamed.body());
    assertTrue(
        JSON.readTree(streamed.body())
            .get("error")
            .asText()
            .endsWith("the playground compiles at most " + WebPage.MAX_SOURCE_BYTES + " bytes"),
        streamed.body());
    assertStillCompiles();
  }

  @Test
  void anAquaSourceNestedTwentyThousandLevelsDeepIsACompileError() throws Exception {
    int deep = 20_000;
    for (String expression :
        List.of(
            "(".repeat(deep) + "1" + ")".repeat(deep), "[".repeat(deep) + "1" + "]".repeat(deep))) {
      HttpResponse<String> response =
          compile("aqua Deep declares *\n\nfunc f() -> u32:\n    <- " + expression + "\n");
      assertEquals(422, response.statusCode(), response.body());
      JsonNode body = JSON.readTree(response.body());
      assertEquals(false, body.get("ok").asBoolean());
      assertTrue(body.get("error").asText().contains("too deeply nested"), response.body());
    }
    assertStillCompiles();
  }

  /** The peer answers its health and compiles a correct source after a bad request. */
  private static void assertStillCompiles() throws Exception {
    assertEquals(200, get("/health").statusCode());
    HttpResponse<String> ok = compile("aqua Fine declares *\n\nfunc f() -> u32:\n    <- 1\n");
    assertEquals(200, ok.statusCode(), ok.body());
  }

  @Test
  void thePageIsServedWithAPolicyThatKeepsItOnThisPeer() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(page.body().contains("<script type=\"module\" src=\"/ui/js/main.js\">"));
    String policy = page.headers().firstValue("content-security-policy").orElse("");
    assertTrue(policy.contains("default-src 'none'") && policy.contains("connect-src 'self'"));

    HttpResponse<String> script = get("/ui/js/main.js");
    assertEquals(200, script.statusCode());
    assertTrue(
        script.headers().firstValue("content-type").orElse("").contains("javascript"),
        script.headers().toString());
    assertEquals(404, get("/ui/../WebPage.class").statusCode());
    assertEquals(404, get("/ui/nothing.js").statusCode());
  }

  private static HttpResponse<String> compile(String source) throws Exception {
    return post(
        "/aqua/compile", JSON.writeValueAsString(JSON.createObjectNode().put("source", source)));
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path);
  }
}
