package io.gyre.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.chat.ChatEvent;
import io.gyre.chat.ChatMessage;
import io.gyre.chat.ChatOptions;
import io.gyre.chat.ChatSession;
import io.gyre.client.GyreClient;
import io.gyre.identity.KeyPair;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's bot end to end on a real cluster: a market node and 3 providers. The bot's developer
 * key is funded by the operator, opens a 2-replica deal for chat_bot.wasm and joins a room; a
 * person in the room gets the commands answered; one replica's provider peer is killed, the next
 * command is answered by the other, and the marketplace rematches the lost unit onto the third
 * provider.
 */
class BotEndToEndTest {
  private static final Duration REPLY = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void answersCommandsFromTwoReplicasAndSurvivesLosingOne() throws Exception {
    long started = System.nanoTime();
    try (MarketCluster cluster = MarketCluster.start(dir, 3)) {
      cluster.awaitMarketOpen(Duration.ofSeconds(60));
      for (int provider = 1; provider <= 3; provider++) {
        fund(cluster, cluster.peerId(provider), 500);
        HttpResponse<String> offer =
            cluster.operatorPost(
                provider, "/market/offers", "{\"price\": 10, \"collateral\": 100}");
        assertEquals(201, offer.statusCode(), offer.body());
      }
      ChatOptions room = ChatOptions.defaults().withRoomHost(cluster.peerId(0));
      // The bot reads the deal's units only when the test does (deal.refresh()): with 3 s epochs
      // the marketplace may rematch the killed unit before the first command after the kill is
      // asked, and the bot's own 2 s refresh would then make which replica answers a race. Frozen,
      // the bot asks the replicas it had before the kill, so the survivor must answer.
      BotOptions options =
          BotOptions.defaults()
              .withCallTtl(Duration.ofSeconds(3))
              .withMatchTimeout(Duration.ofSeconds(90))
              .withRefreshInterval(Duration.ofHours(1));

      KeyPair developer = KeyPair.generate();
      try (GyreClient botClient = GyreClient.connect(cluster.tcp(0), developer)) {
        // Unfunded, the bot says who must pay what, and opens no deal.
        BotException unfunded =
            assertThrows(
                BotException.class, () -> BotDeal.open(botClient, options, System.out::println));
        assertTrue(
            unfunded
                .getMessage()
                .contains(
                    "gyre market fund " + developer.peerId().base58() + " " + options.deposit()),
            unfunded.getMessage());
        assertTrue(cluster.market().deals().isEmpty(), "a deal was opened without money");

        // A deal that does not exist is named at once.
        BotException unknown =
            assertThrows(
                BotException.class,
                () -> BotDeal.attach(botClient, "deal-99", options, System.out::println));
        assertTrue(
            unknown.getMessage().startsWith("reading deal-99 failed: ")
                && unknown.getMessage().contains("UNKNOWN_DEAL"),
            unknown.getMessage());

        fund(cluster, developer.peerId().base58(), options.deposit());
        BotDeal deal =
            BotDeal.open(botClient, options, line -> System.out.println("[bot] " + line));
        List<String> replicas = deal.replicaPeers();
        assertEquals(2, replicas.size(), replicas.toString());
        assertFalse(replicas.contains(cluster.peerId(0)), "the market node offered nothing");
        System.out.println(
            "deal " + deal.id() + " on " + replicas + " after " + seconds(started) + " s");

        BlockingQueue<String> botLog = new LinkedBlockingQueue<>();
        try (ChatBot bot =
                ChatBot.join(
                    botClient,
                    deal,
                    "lobby",
                    "bot",
                    room,
                    line -> {
                      System.out.println("[bot] " + line);
                      botLog.add(line);
                    });
            GyreClient adaClient = GyreClient.connect(cluster.tcp(0))) {
          BlockingQueue<ChatMessage> replies = new LinkedBlockingQueue<>();
          try (ChatSession ada =
              ChatSession.join(
                  adaClient,
                  "lobby",
                  "ada",
                  room,
                  event -> {
                    if (event instanceof ChatEvent.MessageReceived received
                        && received.message().nick().equals("bot")) {
                      replies.add(received.message());
                    }
                  })) {
            String abc =
                HexFormat.of()
                    .formatHex(
                        MessageDigest.getInstance("SHA-256")
                            .digest("abc".getBytes(StandardCharsets.UTF_8)));
            assertEquals("@ada sha256: " + abc, ask(ada, replies, "/hash abc"));
            assertEquals("@ada 14", ask(ada, replies, "/calc 2*(3+4)"));

            String peers = ask(ada, replies, "/peers");
            assertTrue(peers.startsWith("@ada 4 peers: "), peers);
            for (String peer : cluster.peerIds()) {
              assertTrue(peers.contains(peer), peers + " lacks " + peer);
            }
            String help = ask(ada, replies, "/help");
            for (String command : List.of("/hash TEXT", "/calc EXPR", "/peers", "/help")) {
              assertTrue(help.startsWith("@ada commands: ") && help.contains(command), help);
            }

            // Not a command: no reply (replies come in order, so the next one is the /calc's).
            ada.post("/nope").join();
            ada.post("hello, bot").join();
            assertEquals("@ada calc: expected ')' at the end", ask(ada, replies, "/calc 2*(3"));
            assertEquals("@ada calc: division by zero at the end", ask(ada, replies, "/calc 1/0"));

            // Kill the replica that answered last (the one the bot asks first).
            List<String> beforeTheKill = deal.replicaPeers();
            assertEquals(replicas, beforeTheKill);
            String victim = deal.replicas().inOrder().get(0);
            String survivor =
                replicas.stream().filter(p -> !p.equals(victim)).findFirst().orElseThrow();
            System.out.println(
                "killing the provider peer " + victim + " after " + seconds(started) + " s");
            cluster.kill(cluster.indexOf(victim));
            long killed = System.nanoTime();
            botLog.clear();
            assertEquals("@ada 42", ask(ada, replies, "/calc 6*7"));
            System.out.println(
                "answered by the other replica "
                    + (System.nanoTime() - killed) / 1_000_000
                    + " ms after the kill");
            // The bot still knows the two original replicas: it asked the dead one first (no
            // route, or at worst one call TTL), then the survivor answered — not the killed one,
            // nor a replacement the marketplace may have matched meanwhile.
            assertEquals(beforeTheKill, deal.replicaPeers());
            assertEquals(survivor, deal.replicas().inOrder().get(0), "the last to answer");
            List<String> lines = new ArrayList<>(botLog);
            assertTrue(
                lines.stream()
                    .anyMatch(
                        l ->
                            l.startsWith("the replica " + BotCalls.shortId(victim) + ": ")
                                && l.endsWith("; asking the next one")),
                "the killed replica was not asked first: " + lines);
            assertTrue(
                lines.contains("ada: /calc 6*7 → " + BotCalls.shortId(survivor) + " answered"),
                "the survivor did not answer: " + lines);

            // The marketplace notices the lost unit at its next settlement and rematches it.
            DealStatus rematched = awaitRematch(deal, victim, Duration.ofSeconds(60));
            String replacement =
                rematched.peers().stream()
                    .filter(p -> !p.equals(survivor))
                    .findFirst()
                    .orElseThrow();
            String thirdProvider =
                cluster.peerIds().subList(1, 4).stream()
                    .filter(p -> !replicas.contains(p))
                    .findFirst()
                    .orElseThrow();
            assertEquals(thirdProvider, replacement, "rematched onto " + rematched.peers());
            System.out.println(
                deal.id()
                    + " rematched onto "
                    + replacement
                    + " "
                    + (System.nanoTime() - killed) / 1_000_000_000
                    + " s after the kill");
            awaitAnswering(deal, replacement, Duration.ofSeconds(30));
            assertEquals(Set.of(survivor, replacement), Set.copyOf(deal.replicaPeers()));
            assertEquals("@ada sha256: " + abc, ask(ada, replies, "/hash abc"));
          }
        }
      }
    }
    System.out.println("done in " + seconds(started) + " s");
  }

  private static void fund(MarketCluster cluster, String peer, long amount) throws Exception {
    HttpResponse<String> funded =
        cluster.operatorPost(
            0, "/market/fund", "{\"peer\": \"" + peer + "\", \"amount\": " + amount + "}");
    assertEquals(200, funded.statusCode(), funded.body());
  }

  /** Posts {@code command} and returns the bot's next message. */
  private static String ask(ChatSession ada, BlockingQueue<ChatMessage> replies, String command)
      throws Exception {
    ada.post(command).get(REPLY.toSeconds(), TimeUnit.SECONDS);
    ChatMessage reply = replies.poll(REPLY.toSeconds(), TimeUnit.SECONDS);
    assertTrue(
        reply != null, "the bot did not answer " + command + " in " + REPLY.toSeconds() + " s");
    return reply.text();
  }

  private static DealStatus awaitRematch(BotDeal deal, String lost, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    DealStatus status = deal.refresh();
    while (System.nanoTime() < deadline) {
      status = deal.refresh();
      if (status.units().size() == 2
          && !status.peers().contains(lost)
          && !status.excluded().isEmpty()) {
        return status;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no rematch in " + max.toSeconds() + " s: " + status);
  }

  /** Until the deal's service, deployed on {@code peer} after the rematch, answers there. */
  private static void awaitAnswering(BotDeal deal, String peer, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        String help =
            deal.calls().ask(peer, deal.id(), "/help", List.of(), Duration.ofSeconds(3)).orElse("");
        if (help.startsWith("commands: ")) {
          return;
        }
        last = help;
      } catch (BotException e) {
        last = e.getMessage();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the replacement on " + peer + " does not answer: " + last);
  }

  private static long seconds(long since) {
    return (System.nanoTime() - since) / 1_000_000_000;
  }
}
