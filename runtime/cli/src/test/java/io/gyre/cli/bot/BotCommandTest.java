package io.gyre.cli.bot;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.chat.ChatEvent;
import io.gyre.chat.ChatMessage;
import io.gyre.chat.ChatOptions;
import io.gyre.chat.ChatSession;
import io.gyre.cli.GyreCommand;
import io.gyre.cli.GyreRun;
import io.gyre.client.GyreClient;
import io.gyre.node.GyreNode;
import io.gyre.node.LocalNetwork;
import io.gyre.node.access.OperatorToken;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gyre bot}: bad options in one line, and the bot answering in a room of a real cluster. */
class BotCommandTest {
  private static final String VIA =
      "/ip4/127.0.0.1/tcp/7400/p2p/12D3KooWHrrj57fQVhGuGnh2Jc7s7WYeKJ753oRTkF6aQtiH6muP";

  @TempDir Path dir;

  @Test
  void badOptionsAreOneLineUsageErrors() {
    assertUsage(gyre("bot", "--room", "no spaces", "--via", VIA), "room name 'no spaces'");
    assertUsage(gyre("bot", "--room", "lobby", "--via", "tcp://nowhere"), "--via tcp://nowhere");
    assertUsage(
        gyre("bot", "--room", "lobby", "--via", VIA, "--replicas", "0"),
        "replicas must be 1..16, not 0");
    assertUsage(
        gyre("bot", "--room", "lobby", "--via", VIA, "--replicas", "2", "--min-replicas", "3"),
        "minimum replicas must be 1..2, not 3");
    assertUsage(
        gyre("bot", "--room", "lobby", "--via", VIA, "--call-ttl", "0"),
        "--call-ttl must be 1..60");
    assertUsage(
        gyre("bot", "--room", "lobby", "--via", VIA, "--deal", "deal-3", "--fund"),
        "--fund pays for a new deal; --deal deal-3 is paid for already");
  }

  @Test
  void fundsItsWalletOpensItsDealAndAnswersInTheRoom() throws Exception {
    try (LocalNetwork network = startNetwork()) {
      GyreNode market = network.nodes().get(0);
      awaitMarketOpen(market);
      for (GyreNode provider : network.nodes().subList(1, 3)) {
        market
            .market()
            .marketplace()
            .fund(provider.peerId(), 500)
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
        GyreRun offer =
            gyre(
                "market",
                "offer",
                "--price",
                "10",
                "--collateral",
                "100",
                "--peer",
                "http://127.0.0.1:" + provider.httpAddress().orElseThrow().getPort(),
                "--token",
                OperatorToken.readFrom(provider.settings().dataDir()).orElseThrow());
        assertEquals(0, offer.exitCode(), offer.out() + offer.err());
      }
      String relay = tcp(market);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = GyreCommand.newCommandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      CompletableFuture<Integer> run =
          CompletableFuture.supplyAsync(
              () ->
                  cli.execute(
                      "bot",
                      "--room",
                      "lobby",
                      "--via",
                      relay,
                      "--host",
                      market.peerId().base58(),
                      "--epochs",
                      "20",
                      "--call-ttl",
                      "3",
                      "--for",
                      "15",
                      "--fund",
                      "--peer",
                      "http://127.0.0.1:" + market.httpAddress().orElseThrow().getPort(),
                      "--token",
                      OperatorToken.readFrom(market.settings().dataDir()).orElseThrow()));
      awaitPrinted(out, run, "joined room lobby as bot", Duration.ofSeconds(90));

      BlockingQueue<ChatMessage> replies = new LinkedBlockingQueue<>();
      try (GyreClient client = GyreClient.connect(io.gyre.net.Multiaddr.parse(relay));
          ChatSession ada =
              ChatSession.join(
                  client,
                  "lobby",
                  "ada",
                  ChatOptions.defaults().withRoomHost(market.peerId().base58()),
                  event -> {
                    if (event instanceof ChatEvent.MessageReceived m
                        && m.message().nick().equals("bot")) {
                      replies.add(m.message());
                    }
                  })) {
        ada.post("/calc (1 + 2) * 5").get(30, TimeUnit.SECONDS);
        ChatMessage reply = replies.poll(30, TimeUnit.SECONDS);
        assertTrue(reply != null, "no reply; the bot printed:\n" + out);
        assertEquals("@ada 15", reply.text());
      }
      int code = run.get(60, TimeUnit.SECONDS);
      String printed = out.toString();
      System.out.println(printed);
      assertEquals(0, code, printed + err);
      for (String line :
          List.of(
              "funded: the wallet of",
              "opened deal-0: 2 replicas",
              "deal-0 runs on 2 replica(s)",
              "ada: /calc (1 + 2) * 5 → ",
              "left room lobby; deal-0 goes on")) {
        assertTrue(printed.contains(line), "missing '" + line + "' in:\n" + printed);
      }
    }
  }

  private static void assertUsage(GyreRun run, String says) {
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains(says), run.err());
    assertTrue(run.err().strip().lines().count() <= 3, run.err());
  }

  private LocalNetwork startNetwork() {
    Map<String, String> common = new LinkedHashMap<>();
    common.put("gyre.node.market.epoch-length", "3s");
    common.put("gyre.node.market.puzzle.memory-kib", "64");
    common.put("gyre.node.market.ask-timeout", "5s");
    common.put("gyre.node.trace.log", "off");
    common.put("akka.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    List<Map<String, String>> settings = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, String> node = new LinkedHashMap<>(common);
      node.put("gyre.node.market.enabled", i == 0 ? "on" : "off");
      settings.add(node);
    }
    return LocalNetwork.start(dir, settings, Duration.ofSeconds(60), node -> {});
  }

  private static void awaitMarketOpen(GyreNode market) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (market
            .market()
            .marketplace()
            .view()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .dump()
            .opened()) {
          return;
        }
      } catch (Exception e) {
        // the singleton is starting
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the marketplace did not open");
  }

  private static String tcp(GyreNode node) {
    return node.clientAddresses().stream()
        .map(Object::toString)
        .filter(a -> !a.contains("/ws"))
        .findFirst()
        .orElseThrow();
  }

  private static void awaitPrinted(
      StringWriter out, CompletableFuture<Integer> run, String text, Duration max)
      throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (!out.toString().contains(text)) {
      if (run.isDone()) {
        throw new AssertionError(
            "gyre bot ended (" + run.get() + ") before '" + text + "':\n" + out);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "gyre bot did not print '" + text + "' in " + max.toSeconds() + " s:\n" + out);
      }
      Thread.sleep(200);
    }
  }
}
