package io.gyre.cli.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreCommand;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gyre chat` as a person uses it: two terminals (tmux windows), each running the command in its
 * own JVM attached to a different relay of a 2-peer cluster; lines are typed and read off the other
 * terminal's screen.
 */
class ChatTerminalTest {
  private static final int START_SECONDS = 120;
  private static final int SECONDS = 60;

  @TempDir Path dir;

  @Test
  void twoPeopleTalkInTheirTerminalsThroughTwoRelays() throws Exception {
    List<GyreNode> nodes = new ArrayList<>();
    try (Tmux tmux = Tmux.start(dir)) {
      nodes.add(GyreNode.start(settings(0, Optional.empty())));
      nodes.add(GyreNode.start(settings(1, Optional.of(nodes.get(0).clusterPort()))));
      List<String> ids = nodes.stream().map(n -> n.peerId().base58()).toList();
      for (GyreNode node : nodes) {
        node.awaitPeers(ids).get(60, TimeUnit.SECONDS);
      }
      System.out.println("cluster of 2 formed; starting ann's terminal");

      tmux.launch("ann", chat(tcp(nodes.get(0)), "ann"));
      tmux.awaitScreen("ann", "*** joined room garden as ann", START_SECONDS);
      tmux.typeLine("ann", "hello, anyone here?");
      tmux.awaitScreen("ann", "<ann> hello, anyone here?", SECONDS);

      System.out.println("starting ben's terminal");
      tmux.launch("ben", chat(tcp(nodes.get(1)), "ben"));
      String benJoined = tmux.awaitScreen("ben", "*** joined room garden as ben", START_SECONDS);
      // the late joiner sees what was said before
      tmux.awaitScreen("ben", "<ann> hello, anyone here?", SECONDS);
      assertTrue(benJoined.contains("members: ann, ben"), benJoined);
      tmux.awaitScreen("ann", "*** ben (", SECONDS);

      tmux.typeLine("ben", "hi ann, ben on the other relay");
      tmux.awaitScreen("ann", "<ben> hi ann, ben on the other relay", SECONDS);
      tmux.typeLine("ann", "nice to meet you, ben");
      tmux.awaitScreen("ben", "<ann> nice to meet you, ben", SECONDS);

      tmux.typeLine("ben", "/who");
      tmux.awaitScreen("ben", "*** 2 member(s):", SECONDS);

      tmux.typeLine("ben", "/quit");
      tmux.awaitScreen("ben", "*** left room garden", SECONDS);
      tmux.awaitScreen("ben", "[gyre chat exited 0]", SECONDS);
      tmux.awaitScreen("ann", "*** ben left", SECONDS);
    } finally {
      nodes.forEach(GyreNode::crash);
      for (GyreNode node : nodes) {
        node.whenTerminated().toCompletableFuture().join();
      }
    }
  }

  /** `gyre chat` in a JVM of its own, on this test's class path. */
  private List<String> chat(Multiaddr relay, String nick) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        GyreCommand.class.getName(),
        "chat",
        "--room",
        "garden",
        "--via",
        relay.toString(),
        "--name",
        nick,
        "--key",
        dir.resolve(nick + ".key").toString());
  }

  private static Multiaddr tcp(GyreNode node) {
    return node.clientAddresses().stream()
        .filter(a -> !a.toString().contains("/ws"))
        .findFirst()
        .orElseThrow();
  }

  private NodeSettings settings(int index, Optional<Integer> seedPort) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("gyre.node.data-dir", dir.resolve("peer-" + index).toString());
    flags.put("gyre.node.cluster-port", "0");
    flags.put("gyre.node.http.port", "0");
    flags.put("gyre.node.client.tcp-port", "0");
    flags.put("gyre.node.client.ws-port", "0");
    flags.put("gyre.node.trace.log", "off");
    flags.put("akka.loglevel", "WARNING");
    flags.put("akka.cluster.jmx.enabled", "off");
    flags.put("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    seedPort.ifPresent(port -> flags.put("gyre.node.seed-nodes", "127.0.0.1:" + port));
    return NodeSettings.from(NodeConfigLoader.load(Optional.empty(), Map.of(), flags));
  }
}
