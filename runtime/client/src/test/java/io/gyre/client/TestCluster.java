package io.gyre.client;

import io.gyre.net.Multiaddr;
import io.gyre.net.MultiaddrProtocol;
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
 * Real peers for the SDK's tests: nodes in this JVM forming one cluster on loopback, every port
 * free (cluster, HTTP, clients over TCP and WebSocket), failure detection lenient for a loaded
 * machine. Each peer is a relay clients connect to over real sockets. Shared with the apps' tests
 * (the chat's) through this module's test jar.
 */
public final class TestCluster implements AutoCloseable {
  /** A loaded 2-core machine may take long to start a node and to form or re-form the cluster. */
  private static final long DEADLINE_SECONDS = 120;

  private final Path dir;
  private final String seedPrefix;
  private final List<GyreNode> nodes = new ArrayList<>();

  private TestCluster(Path dir, String seedPrefix) {
    this.dir = dir;
    this.seedPrefix = seedPrefix;
  }

  public static TestCluster start(Path dir, int size) throws Exception {
    return start(dir, size, "client-test-peer-");
  }

  /**
   * @param seedPrefix the peers' identities are this and their number (1…): fixed peer ids
   */
  public static TestCluster start(Path dir, int size, String seedPrefix) throws Exception {
    TestCluster cluster = new TestCluster(dir, seedPrefix);
    try {
      for (int i = 1; i <= size; i++) {
        System.out.println("starting peer " + i + " of " + size);
        Optional<Integer> seed =
            cluster.nodes.isEmpty()
                ? Optional.empty()
                : Optional.of(cluster.nodes.get(0).clusterPort());
        cluster.nodes.add(GyreNode.start(cluster.settings(i, seed, Map.of())));
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

  private NodeSettings settings(int number, Optional<Integer> seedPort, Map<String, String> ports) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("gyre.node.data-dir", dir.resolve("peer-" + number).toString());
    flags.put("gyre.node.identity.seed-name", seedPrefix + number);
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
    seedPort.ifPresent(port -> flags.put("gyre.node.seed-nodes", "127.0.0.1:" + port));
    flags.putAll(ports);
    return NodeSettings.from(NodeConfigLoader.load(Optional.empty(), Map.of(), flags));
  }

  public GyreNode node(int index) {
    return nodes.get(index);
  }

  public List<String> peerIds() {
    return nodes.stream().map(n -> n.peerId().base58()).toList();
  }

  public String peerId(int index) {
    return nodes.get(index).peerId().base58();
  }

  /** The TCP address clients reach peer {@code index} at. */
  public Multiaddr tcp(int index) {
    return address(index, false);
  }

  public Multiaddr webSocket(int index) {
    return address(index, true);
  }

  private Multiaddr address(int index, boolean ws) {
    return nodes.get(index).clientAddresses().stream()
        .filter(a -> a.toString().contains("/ws") == ws)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Kills peer {@code index} at once, as a crashed process would go, and returns once it is gone: a
   * terminating node still answers for a few milliseconds, which a test asking right after the kill
   * must not see.
   */
  public void kill(int index) {
    GyreNode node = nodes.get(index);
    node.crash();
    node.whenTerminated().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
  }

  /**
   * Stops peer {@code index} gracefully and starts it again as a restarted process would: the same
   * identity, data directory and ports (cluster, HTTP, clients over TCP and WebSocket). Returns
   * once it and every running peer know each other again.
   */
  public void restart(int index) throws Exception {
    GyreNode old = nodes.get(index);
    Map<String, String> samePorts = new LinkedHashMap<>();
    samePorts.put("gyre.node.cluster-port", String.valueOf(old.clusterPort()));
    samePorts.put("gyre.node.http.port", String.valueOf(old.httpAddress().orElseThrow().getPort()));
    samePorts.put("gyre.node.client.tcp-port", port(tcp(index)));
    samePorts.put("gyre.node.client.ws-port", port(webSocket(index)));
    System.out.println("stopping peer " + (index + 1) + " to restart it on " + samePorts);
    old.stop().toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    Optional<Integer> seed =
        running().stream().filter(n -> n != old).findFirst().map(GyreNode::clusterPort);
    GyreNode again = startWhilePortsFree(settings(index + 1, seed, samePorts));
    nodes.set(index, again);
    List<String> ids = running().stream().map(n -> n.peerId().base58()).toList();
    for (GyreNode node : running()) {
      node.awaitPeers(ids).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
    System.out.println("peer " + (index + 1) + " restarted");
  }

  /** Starts a node, again while the sockets of the one it replaces are still closing. */
  private static GyreNode startWhilePortsFree(NodeSettings settings) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
    while (true) {
      try {
        return GyreNode.start(settings);
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        System.out.println("restart not yet possible (" + e.getMessage() + "); trying again");
        Thread.sleep(500);
      }
    }
  }

  private static String port(Multiaddr address) {
    return address.first(MultiaddrProtocol.TCP).orElseThrow().value();
  }

  private List<GyreNode> running() {
    return nodes.stream().filter(n -> !n.whenTerminated().toCompletableFuture().isDone()).toList();
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
