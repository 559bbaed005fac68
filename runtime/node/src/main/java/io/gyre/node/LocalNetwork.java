package io.gyre.node;

import io.gyre.node.config.NodeConfigLoader;
import io.gyre.node.config.NodeSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Several nodes in this JVM forming one cluster on loopback, each with its own data directory
 * ({@code DIR/peer-N}) and free ports: the demo's network, and the benchmarks'. The first node
 * founds the cluster, the others join it.
 */
public final class LocalNetwork implements AutoCloseable {
  /**
   * The nodes share one process and whatever else the machine runs: a GC pause or a busy machine
   * must not make them take each other for dead. The caller's settings come after these.
   */
  private static final Map<String, String> SHARED_PROCESS =
      Map.of(
          "akka.cluster.failure-detector.acceptable-heartbeat-pause", "10s",
          "akka.cluster.split-brain-resolver.stable-after", "10s");

  private final List<GyreNode> nodes;

  private LocalNetwork(List<GyreNode> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /**
   * Starts {@code size} nodes and waits until every one knows every peer.
   *
   * @param settings extra settings for every node ({@code path -> value})
   * @param started told of each node as it comes up
   */
  public static LocalNetwork start(
      Path dir,
      int size,
      Map<String, String> settings,
      Duration formTimeout,
      Consumer<GyreNode> started) {
    return start(dir, java.util.Collections.nCopies(size, settings), formTimeout, started);
  }

  /**
   * Starts one node per entry of {@code settings} (its extra settings: the market node's role, say)
   * and waits until every one knows every peer.
   */
  public static LocalNetwork start(
      Path dir,
      List<Map<String, String>> settings,
      Duration formTimeout,
      Consumer<GyreNode> started) {
    int size = settings.size();
    List<GyreNode> nodes = new ArrayList<>();
    try {
      for (int i = 1; i <= size; i++) {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("gyre.node.data-dir", dir.resolve("peer-" + i).toString());
        flags.put("gyre.node.cluster-port", "0");
        flags.put("gyre.node.http.port", "0");
        flags.put("gyre.node.client.tcp-port", "0");
        flags.put("gyre.node.client.ws-port", "0");
        flags.putAll(SHARED_PROCESS);
        if (!nodes.isEmpty()) {
          flags.put("gyre.node.seed-nodes", "127.0.0.1:" + nodes.get(0).clusterPort());
        }
        flags.putAll(settings.get(i - 1));
        GyreNode node =
            GyreNode.start(
                NodeSettings.from(NodeConfigLoader.load(Optional.empty(), Map.of(), flags)));
        nodes.add(node);
        started.accept(node);
      }
      List<String> ids = nodes.stream().map(n -> n.peerId().base58()).toList();
      CompletableFuture.allOf(
              nodes.stream().map(n -> n.awaitPeers(ids)).toArray(CompletableFuture[]::new))
          .get(formTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return new LocalNetwork(nodes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      new LocalNetwork(nodes).close();
      throw new IllegalStateException("interrupted while starting the local network", e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      new LocalNetwork(nodes).close();
      throw new IllegalStateException(
          "the local network of "
              + size
              + " nodes did not form: "
              + (e.getMessage() == null ? e : e.getMessage()),
          e);
    }
  }

  public List<GyreNode> nodes() {
    return nodes;
  }

  /** Stops every node gracefully, together. */
  @Override
  public void close() {
    CompletableFuture.allOf(
            nodes.stream()
                .map(n -> n.stop().toCompletableFuture())
                .toArray(CompletableFuture[]::new))
        .orTimeout(120, TimeUnit.SECONDS)
        .exceptionally(e -> null)
        .join();
  }
}
