package io.gyre.bot;

import io.gyre.marketplace.MarketDump;
import io.gyre.net.Multiaddr;
import io.gyre.node.GyreNode;
import io.gyre.node.LocalNetwork;
import io.gyre.node.access.OperatorToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real cluster for the bot's tests, in this JVM, every port free: peer 0 runs the marketplace
 * (and is the relay of the bot and the people in the room, and the room's host), the others are
 * providers. Epochs are short so a lost unit is replaced within seconds; capacity puzzles small.
 */
final class MarketCluster implements AutoCloseable {
  static final Duration EPOCH = Duration.ofSeconds(3);

  private final LocalNetwork network;
  private final HttpClient http = HttpClient.newHttpClient();

  private MarketCluster(LocalNetwork network) {
    this.network = network;
  }

  static MarketCluster start(Path dir, int providers) {
    Map<String, String> common = new LinkedHashMap<>();
    common.put("gyre.node.market.epoch-length", EPOCH.toMillis() + "ms");
    common.put("gyre.node.market.audit-timeout", "3s");
    common.put("gyre.node.market.ask-timeout", "5s");
    common.put("gyre.node.market.puzzle.memory-kib", "64");
    common.put("gyre.node.market.puzzle.difficulty-bits", "4");
    common.put("gyre.node.trace.log", "off");
    common.put("akka.loglevel", "WARNING");
    common.put("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    List<Map<String, String>> settings = new ArrayList<>();
    for (int i = 0; i <= providers; i++) {
      Map<String, String> node = new LinkedHashMap<>(common);
      node.put("gyre.node.identity.seed-name", "bot-test-peer-" + i);
      node.put("gyre.node.market.enabled", i == 0 ? "on" : "off");
      settings.add(node);
    }
    int[] started = {0};
    LocalNetwork network =
        LocalNetwork.start(
            dir,
            settings,
            Duration.ofSeconds(60),
            node -> System.out.println("peer " + started[0]++ + " " + node.peerId() + " up"));
    return new MarketCluster(network);
  }

  GyreNode node(int index) {
    return network.nodes().get(index);
  }

  String peerId(int index) {
    return node(index).peerId().base58();
  }

  List<String> peerIds() {
    return network.nodes().stream().map(n -> n.peerId().base58()).toList();
  }

  int indexOf(String peerId) {
    return peerIds().indexOf(peerId);
  }

  /** The TCP address clients reach peer {@code index} at. */
  Multiaddr tcp(int index) {
    return node(index).clientAddresses().stream()
        .filter(a -> !a.toString().contains("/ws"))
        .findFirst()
        .orElseThrow();
  }

  /** The marketplace's whole state, once it answers. */
  MarketDump market() throws Exception {
    return node(0)
        .market()
        .marketplace()
        .view()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS)
        .dump();
  }

  void awaitMarketOpen(Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (market().opened()) {
          return;
        }
      } catch (Exception e) {
        // the singleton is starting
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the marketplace did not open in " + max.toSeconds() + " s");
  }

  /** An operator's acting request on peer {@code index}'s HTTP API (as its own peer). */
  HttpResponse<String> operatorPost(int index, String path, String body) throws Exception {
    GyreNode node = node(index);
    String token = OperatorToken.readFrom(node.settings().dataDir()).orElseThrow();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + node.httpAddress().orElseThrow().getPort() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Kills peer {@code index} at once, as a crashed process would go, and returns once it is gone: a
   * terminating node still answers for a few milliseconds, which a test asking right after the kill
   * must not see.
   */
  void kill(int index) {
    GyreNode node = node(index);
    node.crash();
    node.whenTerminated().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    for (GyreNode node : network.nodes()) {
      node.crash();
    }
    for (GyreNode node : network.nodes()) {
      node.whenTerminated().toCompletableFuture().orTimeout(60, TimeUnit.SECONDS).join();
    }
  }
}
