package io.gyre.node.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.identity.Base58;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.Scripts;
import io.gyre.node.TestNodes;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every builtin answered by a real peer inside a real particle: the script runs on relay's node and
 * calls the builtin on alice's (another node), then returns the answer to the init peer.
 */
class BuiltinsThroughParticlesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RELAY = id("relay");
  private static final String ALICE = id("alice");
  private static final String BOB = id("bob");
  private static final String EVE = id("eve");
  @TempDir static Path dir;
  private static TestNodes nodes;
  private static GyreNode relay;
  private static GyreNode aliceNode;

  private static String id(String seed) {
    return KeyPair.fromSeedName(seed).peerId().base58();
  }

  @BeforeAll
  static void start() throws Exception {
    nodes = new TestNodes(dir);
    relay = nodes.start("relay", List.of("relay"), Optional.empty());
    aliceNode = nodes.start("alice", List.of("alice", "bob"), Optional.of(relay));
    for (GyreNode node : List.of(relay, aliceNode)) {
      node.awaitPeers(List.of(RELAY, ALICE, BOB)).get(60, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  /**
   * Calls {@code service.function(args)} on alice and returns its answer (or the error message).
   * The arguments (JSON texts) reach the script through getDataSrv, as compiled Aqua's do.
   */
  private static JsonNode callOnAlice(String service, String function, String... args)
      throws Exception {
    Map<String, JsonNode> arguments = new LinkedHashMap<>();
    StringBuilder fetch = new StringBuilder();
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      arguments.put("a" + i, JSON.readTree(args[i]));
      fetch
          .append("(seq (call %init_peer_id% (\"getDataSrv\" \"a")
          .append(i)
          .append("\") [] a")
          .append(i)
          .append(") ");
      names.append(" a").append(i);
    }
    String air =
        Scripts.orErrorMessage(
            fetch
                + Scripts.callAndRespond(ALICE, service, function, names.toString())
                + ")".repeat(args.length));
    RunResult result =
        relay
            .run(
                new RunRequest(
                    air, arguments, Duration.ofSeconds(30), Optional.empty(), Optional.empty()))
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
    return result.response().orElseThrow();
  }

  @Test
  void peerIdentifyTellsWhoAnswered() throws Exception {
    JsonNode info = callOnAlice("peer", "identify");
    assertEquals(ALICE, info.get("peer_id").asText());
    assertEquals("gyre/0.1.0", info.get("node_version").asText());
    assertEquals(
        "/ip4/127.0.0.1/tcp/" + aliceNode.clusterPort(),
        info.get("external_addresses").get(0).asText());
    assertTrue(
        info.has("air_version")
            && info.has("spell_version")
            && info.get("allowed_binaries").isArray());
  }

  @Test
  void peerTimestampsAreThePeersClock() throws Exception {
    long before = System.currentTimeMillis();
    long ms = callOnAlice("peer", "timestamp_ms").asLong();
    long sec = callOnAlice("peer", "timestamp_sec").asLong();
    long after = System.currentTimeMillis();
    assertTrue(ms >= before && ms <= after, ms + " not in [" + before + ", " + after + "]");
    assertTrue(sec >= before / 1000 && sec <= after / 1000);
  }

  @Test
  void peerConnectivityIsClusterMembership() throws Exception {
    assertEquals(true, callOnAlice("peer", "is_connected", "\"" + RELAY + "\"").asBoolean());
    assertEquals(false, callOnAlice("peer", "is_connected", "\"" + EVE + "\"").asBoolean());
    assertEquals(true, callOnAlice("peer", "connect", "\"" + BOB + "\"", "[]").asBoolean());
    JsonNode contact = callOnAlice("peer", "get_contact", "\"" + RELAY + "\"");
    assertEquals(RELAY, contact.get(0).get("peer_id").asText());
    assertEquals(
        "/ip4/127.0.0.1/tcp/" + relay.clusterPort(),
        contact.get(0).get("addresses").get(0).asText());
    assertEquals("[]", callOnAlice("peer", "get_contact", "\"" + EVE + "\"").toString());
  }

  @Test
  void peerTimeoutAnswersAfterItsDuration() throws Exception {
    long started = System.nanoTime();
    assertEquals("done", callOnAlice("peer", "timeout", "300", "\"done\"").asText());
    assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(300));
  }

  @Test
  void kadNeighborhoodListsTheOtherKnownPeersByXorDistance() throws Exception {
    String key = RELAY;
    JsonNode all = callOnAlice("kad", "neighborhood", "\"" + key + "\"", "[]", "[]");
    List<String> expected = new ArrayList<>(List.of(RELAY, BOB));
    expected.sort(Comparator.comparing(peer -> distance(key, peer), Arrays::compareUnsigned));
    assertEquals(expected.toString(), toList(all).toString());
    assertEquals(1, callOnAlice("kad", "neighborhood", "\"" + key + "\"", "[]", "[1]").size());
    JsonNode merged =
        callOnAlice(
            "kad",
            "merge",
            "\"" + key + "\"",
            "[\"" + BOB + "\"]",
            "[\"" + RELAY + "\", \"" + BOB + "\"]",
            "[]");
    assertEquals(expected.toString(), toList(merged).toString());
    assertTrue(
        callOnAlice("kad", "neighborhood", "\"0OIl\"", "[]", "[]")
            .asText()
            .contains("key is not base58"));
  }

  @Test
  void jsClientBuiltinsAnswerAsJsClientDoes() throws Exception {
    assertEquals("ab", callOnAlice("op", "concat_strings", "\"a\"", "\"b\"").asText());
    assertEquals(-4, callOnAlice("math", "div", "-7", "2").asInt());
    assertEquals(-1, callOnAlice("math", "rem", "-7", "2").asInt());
    assertEquals(true, callOnAlice("cmp", "gt", "3", "2").asBoolean());
    assertEquals(6, callOnAlice("array", "sum", "[1, 2, 3]").asInt());
    assertEquals("{\"a\":1}", callOnAlice("json", "obj", "\"a\"", "1").toString());
    assertEquals("[\n    1,\n    2\n]", callOnAlice("debug", "stringify", "[1, 2]").asText());
    assertEquals("{}", callOnAlice("run-console", "print", "\"hello\"").toString());
  }

  @Test
  void unknownServicesAndBadArgumentsReachTheScriptAsErrors() throws Exception {
    assertTrue(
        callOnAlice("nope", "nothing", "1")
            .asText()
            .contains("No service found for service call: serviceId='nope', fnName='nothing'"));
    assertTrue(
        callOnAlice("peer", "is_connected", "5")
            .asText()
            .contains("peer.is_connected: argument 'peer' must be a string, got 5"));
    assertTrue(
        callOnAlice("peer", "no_such_function").asText().contains("fnName='no_such_function'"));
  }

  private static List<String> toList(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static byte[] distance(String key, String peer) {
    byte[] a = sha256(Base58.decode(key));
    byte[] b = sha256(Base58.decode(peer));
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
