package io.gyre.node.market;

import io.gyre.node.GyreNode;
import io.gyre.node.TestNodes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node in its own JVM for the marketplace's crash tests: it hosts the given seed names' peers,
 * joins the given node (none: founds a cluster), takes any further {@code key=value} settings,
 * prints {@code READY http=PORT cluster=PORT} and runs until killed.
 *
 * <p>Arguments: {@code DATA_DIR SEED_NAMES(comma-separated) JOIN_HOST:PORT|- [KEY=VALUE...]}.
 */
public final class MarketPeerMain {
  private MarketPeerMain() {}

  public static void main(String[] args) throws Exception {
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
    if (!args[2].equals("-")) {
      settings.put("gyre.node.seed-nodes", args[2]);
    }
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    GyreNode node = GyreNode.start(TestNodes.settings(Path.of(args[0]), settings));
    System.out.println(
        "READY http="
            + node.httpAddress().orElseThrow().getPort()
            + " cluster="
            + node.clusterPort());
    System.out.flush();
    node.whenTerminated().toCompletableFuture().join();
  }
}
