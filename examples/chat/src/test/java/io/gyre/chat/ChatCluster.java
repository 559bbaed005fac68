package io.gyre.chat;

import io.gyre.net.Multiaddr;
import io.gyre.node.GyreNode;
import io.gyre.node.config.NodeConfigLoader;
import io.gyre.node.config.NodeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real cluster for the chat's tests: peers in this JVM on loopback, every port free (cluster,
 * HTTP, clients over TCP and WebSocket), failure detection lenient for a loaded machine. Each peer
 * is a relay chat clients attach to.
 */
final class ChatCluster implements AutoCloseable {
  private final List<GyreNode> nodes = new ArrayList<>();

  static ChatCluster start(Path dir, int size) throws Exception {
    ChatCluster cluster = new ChatCluster();
    try {
      for (int i = 1; i <= size; i++) {
        System.out.println("starting peer " + i + " of " + size);
        cluster.nodes.add(GyreNode.start(settings(dir, i, cluster.nodes)));
      }
      List<String> ids = cluster.peerIds();
      for (GyreNode node : cluster.nodes) {
        node.awaitPeers(ids).get(60, TimeUnit.SECONDS);
      }
      System.out.println("cluster of " + size + " formed");
      return cluster;
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  private static NodeSettings settings(Path dir, int index, List<GyreNode> before) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("gyre.node.data-dir", dir.resolve("peer-" + index).toString());
    flags.put("gyre.node.identity.seed-name", "chat-test-peer-" + index);
    flags.put("gyre.node.cluster-port", "0");
    flags.put("gyre.node.http.port", "0");
    flags.put("gyre.node.client.tcp-port", "0");
    flags.put("gyre.node.client.ws-port", "0");
    flags.put("gyre.node.trace.log", "off");
    flags.put("akka.loglevel", "WARNING");
    flags.put("akka.cluster.failure-detector.acceptable-heartbeat-pause", "8s");
    flags.put("akka.cluster.split-brain-resolver.stable-after", "7s");
    flags.put("akka.cluster.gossip-interval", "500ms");
    flags.put("akka.cluster.jmx.enabled", "off");
    flags.put("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    if (!before.isEmpty()) {
      flags.put("gyre.node.seed-nodes", "127.0.0.1:" + before.get(0).clusterPort());
    }
    return NodeSettings.from(NodeConfigLoader.load(Optional.empty(), Map.of(), flags));
  }

  List<String> peerIds() {
    return nodes.stream().map(n -> n.peerId().base58()).toList();
  }

  String peerId(int index) {
    return nodes.get(index).peerId().base58();
  }

  /** The TCP address clients reach peer {@code index} at. */
  Multiaddr tcp(int index) {
    return nodes.get(index).clientAddresses().stream()
        .filter(a -> !a.toString().contains("/ws"))
        .findFirst()
        .orElseThrow();
  }

  /** Kills peer {@code index} at once, as a crashed process would go. */
  void kill(int index) {
    nodes.get(index).crash();
  }

  @Override
  public void close() {
    for (GyreNode node : nodes) {
      node.crash();
    }
    for (GyreNode node : nodes) {
      node.whenTerminated().toCompletableFuture().join();
    }
  }
}
