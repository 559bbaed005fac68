package io.gyre.node.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.identity.KeyPair;
import io.gyre.node.GyreNode;
import io.gyre.node.Scripts;
import io.gyre.node.TestNodes;
import io.gyre.node.run.RunRequest;
import io.gyre.node.run.RunResult;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dist and srv through real particles: a WASM module deployed on a peer of another node, called by
 * id and alias, listed, described, replicated to the cluster, protected from strangers, and back
 * after the peer's node restarts.
 */
class WasmServicesThroughParticlesTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String RELAY = KeyPair.fromSeedName("relay").peerId().base58();
  private static final String ALICE = KeyPair.fromSeedName("alice").peerId().base58();
  private static final String BOB = KeyPair.fromSeedName("bob").peerId().base58();
  @TempDir Path dir;

  static byte[] example(String path) throws Exception {
    try (InputStream in =
        WasmServicesThroughParticlesTest.class.getResourceAsStream("/wasm/" + path)) {
      if (in == null) {
        throw new IllegalStateException(
            "example module /wasm/"
                + path
                + " is not on the class path (the examples module builds it)");
      }
      return in.readAllBytes();
    }
  }

  static final String DEPLOY = io.gyre.node.run.DeployScript.AIR;

  private static RunResult run(GyreNode node, String air, Map<String, JsonNode> args)
      throws Exception {
    return node.run(
            new RunRequest(air, args, Duration.ofSeconds(60), Optional.empty(), Optional.empty()))
        .toCompletableFuture()
        .get(90, TimeUnit.SECONDS);
  }

  private static JsonNode call(
      GyreNode node,
      String peer,
      String service,
      String function,
      String argsAir,
      Map<String, JsonNode> args)
      throws Exception {
    String air = Scripts.orErrorMessage(Scripts.callAndRespond(peer, service, function, argsAir));
    String withArgs = air;
    for (String name : args.keySet()) {
      withArgs =
          "(seq (call %init_peer_id% (\"getDataSrv\" \""
              + name
              + "\") [] "
              + name
              + ") "
              + withArgs
              + ")";
    }
    RunResult result = run(node, withArgs, args);
    assertEquals(RunResult.Status.RESPONDED, result.status(), result.toString());
    return result.response().orElseThrow();
  }

  static Map<String, JsonNode> deployArgs(byte[] module, String name, String peer) {
    return io.gyre.node.run.DeployScript.arguments(module, name, peer);
  }

  @Test
  void aDeployedServiceIsCalledListedReplicatedProtectedAndBackAfterARestart() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode relay = nodes.start("relay", List.of("relay"), Optional.empty());
      GyreNode alice = nodes.start("alice", List.of("alice", "bob"), Optional.of(relay));
      relay.awaitPeers(List.of(ALICE, BOB)).get(60, TimeUnit.SECONDS);
      alice.awaitPeers(List.of(RELAY)).get(60, TimeUnit.SECONDS);

      RunResult deployed =
          run(relay, DEPLOY, deployArgs(example("greeting.wasm"), "greeting", ALICE));
      assertEquals(RunResult.Status.RESPONDED, deployed.status(), deployed.toString());
      String hash = deployed.response().orElseThrow().get(0).asText();
      String serviceId = deployed.response().orElseThrow().get(2).asText();
      assertTrue(hash.matches("[0-9a-f]{64}"), hash);
      assertTrue(dir.resolve("alice").resolve("modules").resolve(hash + ".wasm").toFile().isFile());

      Map<String, JsonNode> bobArg = Map.of("who", new TextNode("Bob"));
      JsonNode byId = call(relay, ALICE, serviceId, "greet", "who", bobArg);
      JsonNode byAlias = call(relay, ALICE, "greeting", "greet", "who", bobArg);
      assertEquals(byId, byAlias);
      assertTrue(byId.asText().contains("Bob"), byId.toString());

      JsonNode list = call(relay, ALICE, "srv", "list", "", Map.of());
      assertEquals(1, list.size());
      assertEquals(serviceId, list.get(0).get("id").asText());
      assertEquals(RELAY, list.get(0).get("owner_id").asText());
      assertEquals(ALICE, list.get(0).get("worker_id").asText());
      assertEquals("[\"greeting\"]", list.get(0).get("aliases").toString());
      assertEquals(
          serviceId, call(relay, ALICE, "srv", "resolve_alias", "\"greeting\"", Map.of()).asText());
      assertEquals(
          "[]", call(relay, ALICE, "srv", "resolve_alias_opt", "\"nothing\"", Map.of()).toString());
      JsonNode face = call(relay, ALICE, "srv", "get_interface", "\"greeting\"", Map.of());
      assertTrue(face.get("function_signatures").toString().contains("\"greet\""), face.toString());
      assertEquals(
          face, call(relay, ALICE, "dist", "get_module_interface", "\"" + hash + "\"", Map.of()));
      assertEquals(
          hash,
          call(relay, ALICE, "dist", "list_modules", "", Map.of()).get(0).get("hash").asText());
      assertEquals(1, call(relay, ALICE, "dist", "list_blueprints", "", Map.of()).size());
      assertEquals(
          "[]",
          call(relay, BOB, "srv", "list", "", Map.of()).toString(),
          "services belong to the peer that hosts them");

      // Only the owner (relay, the init peer that created it) removes it: alice's own particle may
      // not.
      JsonNode refused = call(alice, ALICE, "srv", "remove", "\"greeting\"", Map.of());
      assertTrue(
          refused.asText().contains("only the owner " + RELAY + " may remove"), refused.toString());

      long deadline = System.currentTimeMillis() + 30_000;
      while (relay.clusterServices().isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(
          ALICE, relay.clusterServices().get(0).hostPeerId(), "the cluster knows where it lives");

      alice.stop().toCompletableFuture().get(60, TimeUnit.SECONDS);
      GyreNode restarted = nodes.start("alice", List.of("alice", "bob"), Optional.of(relay));
      restarted.awaitPeers(List.of(RELAY)).get(60, TimeUnit.SECONDS);
      relay.awaitPeers(List.of(ALICE)).get(60, TimeUnit.SECONDS);
      JsonNode afterRestart = call(relay, ALICE, "greeting", "greet", "who", bobArg);
      assertEquals(byId, afterRestart);

      assertEquals(JSON.nullNode(), call(relay, ALICE, "srv", "remove", "\"greeting\"", Map.of()));
      assertEquals("[]", call(relay, ALICE, "srv", "list", "", Map.of()).toString());
    }
  }

  @Test
  void badModulesAreRefusedAtDeployWithTheReason() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode node = nodes.startAlone("n1", "relay");
      Map<String, JsonNode> args = deployArgs(new byte[] {0, 'a', 's', 'n', 1}, "junk", RELAY);
      String addOnly =
          "(xor (seq (seq (seq (call %init_peer_id% (\"getDataSrv\" \"module\") [] module)"
              + " (call %init_peer_id% (\"getDataSrv\" \"config\") [] config))"
              + " (call %init_peer_id% (\"dist\" \"add_module\") [module config] hash))"
              + " (call %init_peer_id% (\"callbackSrv\" \"response\") [hash]))"
              + " (call %init_peer_id% (\"callbackSrv\" \"response\") [:error:.$.message]))";
      String truncated = run(node, addOnly, args).response().orElseThrow().asText();
      assertTrue(truncated.contains("dist.add_module: the module is refused"), truncated);

      args = deployArgs(example("broken/no_alloc.wasm"), "no_alloc", RELAY);
      String noAlloc = run(node, addOnly, args).response().orElseThrow().asText();
      assertTrue(noAlloc.contains("alloc"), noAlloc);
      assertEquals("[]", call(node, RELAY, "dist", "list_modules", "", Map.of()).toString());
    }
  }

  @Test
  void aServiceKeepsItsStateBetweenCalls() throws Exception {
    try (TestNodes nodes = new TestNodes(dir)) {
      GyreNode node = nodes.startAlone("n1", "relay");
      assertEquals(
          RunResult.Status.RESPONDED,
          run(node, DEPLOY, deployArgs(example("kv.wasm"), "kv", RELAY)).status());

      assertEquals(
          true, call(node, RELAY, "kv", "put", "\"color\" \"blue\"", Map.of()).asBoolean());
      assertEquals("[\"blue\"]", call(node, RELAY, "kv", "get", "\"color\"", Map.of()).toString());
      assertEquals(1, call(node, RELAY, "kv", "size", "", Map.of()).asInt());
    }
  }
}
