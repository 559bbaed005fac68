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
    GyreNode node =
        GyreNode.start(
            NodeSettings.from(
                NodeConfigLoader.load(
                    Optional.empty(),
                    Map.of(),
                    Map.of(
                        "gyre.node.data-dir", dataDir.toString(),
                        "gyre.node.cluster-port", "0",
                        "gyre.node.http.port", "0",
                        "gyre.node.client.tcp-port", "0",
                        "gyre.node.client.ws-port", "0"))));
    return new TestPeer(
        node, dataDir, "http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort());
  }

  @Override
  public void close() {
    node.close();
  }
}
