package io.gyre.wasm;

import static io.gyre.wasm.Examples.deploy;
import static io.gyre.wasm.Examples.error;
import static io.gyre.wasm.Examples.params;
import static io.gyre.wasm.Examples.resultText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every example service, called through the host as a node would call it. */
class ExampleServicesTest {

  private static final WasmHost HOST = WasmHost.create();
  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterAll
  static void close() {
    HOST.close();
  }

  @Test
  void greetingGreets() {
    Service greeting = deploy(HOST, "greeting");
    CallOutcome outcome = greeting.call("greet", "[\"Alice\"]", params());
    assertEquals("\"Hello, Alice!\"", resultText(outcome));
    assertTrue(outcome.fuelUsed() > 0, "fuel is counted");
  }

  @Test
  void kvKeepsStateAcrossCalls() {
    Service kv = deploy(HOST, "kv");
    assertEquals("true", resultText(kv.call("put", "[\"color\", \"blue\"]", params())));
    assertEquals("true", resultText(kv.call("put", "[\"shape\", \"round\"]", params())));
    assertEquals("false", resultText(kv.call("put", "[\"color\", \"green\"]", params())));
    assertEquals("[\"green\"]", resultText(kv.call("get", "[\"color\"]", params())));
    assertEquals("[]", resultText(kv.call("get", "[\"size\"]", params())));
    assertEquals("2", resultText(kv.call("size", "[]", params())));
  }

  @Test
  void sha256CommandHashesItsInput() throws Exception {
    Service sha = deploy(HOST, "sha256");
    String text = "hello, gyre";
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    CallOutcome outcome = sha.call("digest", "[\"" + text + "\"]", params());
    assertEquals("\"" + expected + "\"", resultText(outcome));
    assertEquals(new LogLine("stderr", "hashed 11 bytes"), outcome.logs().get(0));
  }

  @Test
  void hashloopSpins() {
    Service hashloop = deploy(HOST, "hashloop");
    CallOutcome small = hashloop.call("spin", "[1]", params());
    CallOutcome large = hashloop.call("spin", "[1000]", params());
    assertTrue(resultText(small).matches("\"[0-9a-f]{16}\""));
    assertTrue(
        large.fuelUsed() > 300 * small.fuelUsed(), small.fuelUsed() + " vs " + large.fuelUsed());
  }

  @Test
  void chatRoomKeepsMembersAndTheLastFiftyMessages() throws Exception {
    Service room = deploy(HOST, "chat_room");
    JsonNode joined =
        JSON.readTree(
            resultText(room.call("join", "[\"lobby\", \"ann\", \"r1\", \"Ann\"]", params())));
    assertEquals(0, joined.get("history").size());
    assertEquals("Ann", joined.get("members").get(0).get("nick").asText());
    assertEquals(
        "only a member of the room may post: join first",
        error(room.call("post", "[\"lobby\", \"bob\", \"hi\", 1]", params())).message());
    for (int i = 0; i < 60; i++) {
      JsonNode posted =
          JSON.readTree(
              resultText(
                  room.call("post", "[\"lobby\", \"ann\", \"m" + i + "\", " + i + "]", params())));
      assertEquals(i, posted.get("seq").asInt());
      assertEquals("Ann", posted.get("nick").asText());
    }
    JsonNode late =
        JSON.readTree(
            resultText(room.call("join", "[\"lobby\", \"bob\", \"r2\", \"Bob\"]", params())));
    JsonNode history = late.get("history");
    assertEquals(50, history.size(), "the last 50 of 60");
    assertEquals("m10", history.get(0).get("text").asText(), "oldest first");
    assertEquals("m59", history.get(49).get("text").asText());
    assertEquals(2, late.get("members").size());
    assertEquals("true", resultText(room.call("leave", "[\"lobby\", \"ann\"]", params())));
    assertEquals("false", resultText(room.call("leave", "[\"lobby\", \"ann\"]", params())));
    JsonNode members = JSON.readTree(resultText(room.call("members", "[\"lobby\"]", params())));
    assertEquals(1, members.size());
    assertEquals("r2", members.get(0).get("relay_id").asText());
    assertEquals("[]", resultText(room.call("history", "[\"elsewhere\"]", params())));
    String tooLong = "x".repeat(1001);
    assertTrue(
        error(room.call("post", "[\"lobby\", \"bob\", \"" + tooLong + "\", 1]", params()))
            .message()
            .contains("1 to 1000 bytes"));
  }

  @Test
  void chatBotAnswersCommandsAndIgnoresChatter() throws Exception {
    Service bot = deploy(HOST, "chat_bot");
    String sha =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("gyre".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "[\"sha256: " + sha + "\"]",
        resultText(bot.call("answer", "[\"/hash gyre\", []]", params())));
    assertEquals(
        "[\"9\"]", resultText(bot.call("answer", "[\"/calc (1 + 2) * 3\", []]", params())));
    assertEquals("[\"2.5\"]", resultText(bot.call("answer", "[\"/calc 10 / 4\", []]", params())));
    assertEquals(
        "[\"calc: division by zero at the end\"]",
        resultText(bot.call("answer", "[\"/calc 1 / 0\", []]", params())));
    assertEquals(
        "[\"calc: unexpected character at column 3 ('x')\"]",
        resultText(bot.call("answer", "[\"/calc 2 x 3\", []]", params())));
    assertTrue(
        resultText(
                bot.call(
                    "answer",
                    "[\"/calc " + "(".repeat(40) + "1" + ")".repeat(40) + "\", []]",
                    params()))
            .contains("too deeply nested"));
    assertEquals(
        "[\"2 peers: 12D3KooWa, 12D3KooWb\"]",
        resultText(bot.call("answer", "[\"/peers\", [\"12D3KooWa\", \"12D3KooWb\"]]", params())));
    assertTrue(resultText(bot.call("answer", "[\"/help\", []]", params())).contains("/calc EXPR"));
    assertEquals("[]", resultText(bot.call("answer", "[\"hello everyone\", []]", params())));
  }
}
