package io.gyre.cli;

import io.gyre.node.GyreNode;
import io.gyre.node.config.NodeConfigLoader;
import io.gyre.node.config.NodeSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** A peer for command tests: free ports, its data in {@code dataDir}, its HTTP API's URL. */
public record TestPeer(GyreNode node, Path dataDir, String url) implements AutoCloseable {

  public static TestPeer start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /** A peer with {@code extra} settings on top of the test ones. */
  public static TestPeer start(Path dataDir, Map<String, String> extra) {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("gyre.node.data-dir", dataDir.toString());
    settings.put("gyre.node.cluster-port", "0");
    settings.put("gyre.node.http.port", "0");
    settings.put("gyre.node.client.tcp-port", "0");
    settings.put("gyre.node.client.ws-port", "0");
    settings.putAll(extra);
    GyreNode node =
        GyreNode.start(
            NodeSettings.from(NodeConfigLoader.load(Optional.empty(), Map.of(), settings)));
    return new TestPeer(
        node, dataDir, "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort());
  }

  @Override
  public void close() {
    node.close();
  }
}
