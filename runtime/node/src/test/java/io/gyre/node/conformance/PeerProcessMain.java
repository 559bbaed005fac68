package io.gyre.node.conformance;

import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import io.gyre.node.services.JavaService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A peer node in its own JVM, for tests of a cluster of processes: it hosts the given seed names'
 * peers, joins the given node, registers the conformance cases' mock services and two helpers
 * ({@code echo.say}, {@code slow.wait}), prints {@code READY http=PORT cluster=PORT} and runs until
 * it is stopped (SIGTERM leaves gracefully).
 *
 * <p>Arguments: {@code DATA_DIR SEED_NAMES(comma-separated) JOIN_HOST:PORT CASES_DIR}.
 */
public final class PeerProcessMain {
  private PeerProcessMain() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    List<String> seeds = List.of(args[1].split(","));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("gyre.node.identity.seed-name", seeds.get(0));
    if (seeds.size() > 1) {
      StringBuilder extra = new StringBuilder("[");
      seeds
          .subList(1, seeds.size())
          .forEach(s -> extra.append("{seed-name = \"").append(s).append("\"},"));
      settings.put("gyre.node.extra-identities", extra.append("]").toString());
    }
    settings.put("gyre.node.seed-nodes", args[2]);
    settings.put("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", "on");
    List<ConformanceCase> cases =
        ConformanceCases.load(Path.of(args[3])).stream().filter(ConformanceCase::runnable).toList();

    GyreNode node = GyreNode.start(TestNodes.settings(dataDir, settings));
    new ConformanceServices(cases).registerOn(node);
    for (var peer : node.peerIds()) {
      String id = peer.base58();
      node.registerService(
          peer,
          "echo",
          JavaService.of(call -> CallResult.ok(new TextNode(id + " says " + call.arguments()))));
      node.registerService(
          peer,
          "slow",
          call ->
              CompletableFuture.supplyAsync(
                  () -> CallResult.ok(new TextNode("waited")),
                  CompletableFuture.delayedExecutor(
                      call.argument(0).asLong(), TimeUnit.MILLISECONDS)));
    }
    System.out.println(
        "READY http="
            + node.httpAddress().orElseThrow().getPort()
            + " cluster="
            + node.clusterPort());
    System.out.flush();
    node.whenTerminated().toCompletableFuture().join();
  }
}
