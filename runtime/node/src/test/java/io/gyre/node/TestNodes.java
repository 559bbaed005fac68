package io.gyre.node;

import akka.actor.Address;
import akka.actor.typed.javadsl.Adapter;
import akka.cluster.Cluster;
import akka.cluster.Member;
import akka.remote.RARP;
import akka.remote.transport.ThrottlerTransportAdapter;
import io.gyre.air.particle.Particle;
import io.gyre.node.config.NodeConfigLoader;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.run.RunSession;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import scala.concurrent.Await;
import scala.concurrent.Future;
import scala.concurrent.duration.Duration;

/**
 * Starts nodes for tests from {@code gyre-test.conf} (free ports, lenient failure detection), each
 * with its own data directory, and stops them all on close.
 */
public final class TestNodes implements AutoCloseable {
  private final Path root;
  private final List<GyreNode> started = new ArrayList<>();

  public TestNodes(Path root) {
    this.root = root;
  }

  /** The settings for a node with the given data directory name and extra settings. */
  public static NodeSettings settings(Path dataDir, Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("gyre.node.data-dir", dataDir.toString());
    all.putAll(extra);
    return NodeSettings.from(NodeConfigLoader.load(Optional.of(testConf()), Map.of(), all));
  }

  public static Path testConf() {
    try {
      return Path.of(TestNodes.class.getResource("/gyre-test.conf").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A node hosting the given seed names' peers (the first is its own identity). */
  public GyreNode start(
      String name, List<String> seedNames, Optional<GyreNode> join, Map<String, String> extra) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("gyre.node.identity.seed-name", seedNames.get(0));
    if (seedNames.size() > 1) {
      StringBuilder list = new StringBuilder("[");
      for (String seed : seedNames.subList(1, seedNames.size())) {
        list.append("{seed-name = \"").append(seed).append("\"},");
      }
      all.put("gyre.node.extra-identities", list.append("]").toString());
    }
    join.ifPresent(j -> all.put("gyre.node.seed-nodes", "127.0.0.1:" + j.clusterPort()));
    all.putAll(extra);
    GyreNode node = GyreNode.start(settings(root.resolve(name), all));
    started.add(node);
    return node;
  }

  /** A node of its own (a new cluster) hosting one seed name's peer, once it knows that peer. */
  public GyreNode startAlone(String name, String seedName) throws Exception {
    GyreNode node = start(name, List.of(seedName), Optional.empty());
    node.awaitPeers(List.of(node.peerId().base58())).get(60, java.util.concurrent.TimeUnit.SECONDS);
    return node;
  }

  public GyreNode start(String name, List<String> seedNames, Optional<GyreNode> join) {
    return start(name, seedNames, join, Map.of());
  }

  /** Waits until {@code node}'s cluster has removed {@code gone} (a leave is over only then). */
  public static void awaitRemoved(GyreNode node, GyreNode gone) throws InterruptedException {
    Address address = Adapter.toClassic(gone.system()).provider().getDefaultAddress();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (isMember(node, address) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (isMember(node, address)) {
      throw new AssertionError(address + " is still a member of " + node.peerId() + "'s cluster");
    }
  }

  private static boolean isMember(GyreNode node, Address address) {
    for (Member member : Cluster.get(Adapter.toClassic(node.system())).state().getMembers()) {
      if (member.address().equals(address)) {
        return true;
      }
    }
    return false;
  }

  /** The setting {@link #cutOff} needs on the node that cuts. */
  public static final Map<String, String> CAN_CUT_OFF =
      Map.of("akka.remote.artery.advanced.test-mode", "on");

  /**
   * Drops everything between {@code node} and {@code other} both ways, as a network partition
   * would: {@code node} (started with {@link #CAN_CUT_OFF}) soon sees {@code other} unreachable,
   * and hears nothing more from it, not even its going away.
   */
  public static void cutOff(GyreNode node, GyreNode other) throws Exception {
    Address address = Adapter.toClassic(other.system()).provider().getDefaultAddress();
    Future<Object> done =
        ((RARP) RARP.get(Adapter.toClassic(node.system())))
            .provider()
            .transport()
            .managementCommand(
                new ThrottlerTransportAdapter.SetThrottle(
                    address,
                    ThrottlerTransportAdapter.bothDirection(),
                    ThrottlerTransportAdapter.blackholeThrottleMode()));
    Await.result(done, Duration.create(10, TimeUnit.SECONDS));
  }

  /**
   * Starts {@code particle} on {@code node}'s primary peer as its init peer, as a client would;
   * empty when the peer took it, else why not.
   */
  public static Optional<String> startOwn(GyreNode node, Particle particle) throws Exception {
    RunSession session =
        new RunSession(
            particle.id(), node.peerId().base58(), Map.of(), particle.ttlMs(), Clock.systemUTC());
    return node.startParticle(node.peerId(), particle, session)
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    for (GyreNode node : started) {
      node.crash();
    }
    for (GyreNode node : started) {
      try {
        node.whenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("a test node did not terminate", e);
      }
    }
  }
}
