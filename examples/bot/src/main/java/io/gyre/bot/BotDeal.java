package io.gyre.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.client.GyreClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The bot's marketplace deal: {@code chat_bot.wasm} on {@link BotOptions#replicas()} provider
 * peers, paid from the bot's own wallet (the client's peer id is the deal's owner). Opening it
 * stores the module on the relay, opens the deal, and waits until the marketplace has matched it
 * and its replicas answer. The units are read again on {@link #refresh()}: a unit lost with its
 * peer is replaced by the marketplace, and the replacement is asked from then on.
 */
public final class BotDeal {
  static final String WASM = "/wasm/chat_bot.wasm";
  private static final Duration READ_TTL = Duration.ofSeconds(10);
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

  private final BotCalls calls;
  private final String id;
  private final BotOptions options;
  private final Replicas replicas = new Replicas();

  private BotDeal(BotCalls calls, String id, BotOptions options) {
    this.calls = calls;
    this.id = id;
    this.options = options;
  }

  /**
   * Opens a new deal for the bot's brain and waits until its replicas answer, telling {@code
   * progress} each step.
   *
   * @throws BotException when the wallet cannot pay the deposit, the marketplace refuses the deal,
   *     or too few replicas answer in {@link BotOptions#matchTimeout()}
   */
  public static BotDeal open(GyreClient client, BotOptions options, Consumer<String> progress) {
    BotCalls calls = new BotCalls(client);
    String me = client.peerId().base58();
    long wallet = wallet(calls, me);
    long deposit = options.deposit();
    if (wallet < deposit) {
      throw new BotException(
          "the wallet of "
              + me
              + " holds "
              + wallet
              + "; the deal needs "
              + deposit
              + " ("
              + options.replicas()
              + " replicas × price "
              + options.maxPrice()
              + " × "
              + options.epochs()
              + " epochs): ask a peer's operator to run `gyre market fund "
              + me
              + " "
              + (deposit - wallet)
              + "`");
    }
    progress.accept(
        "wallet of "
            + BotCalls.shortId(me)
            + ": "
            + wallet
            + "; storing chat_bot.wasm on the relay");
    String hash =
        calls
            .call(
                "storeModule",
                Map.of("relay", calls.relay(), "wasm", Base64.getEncoder().encodeToString(wasm())),
                READ_TTL,
                "storing chat_bot.wasm")
            .asText();
    String dealId =
        calls
            .call(
                "openDeal",
                Map.of(
                    "relay", calls.relay(),
                    "module", hash,
                    "max_price", options.maxPrice(),
                    "target", options.replicas(),
                    "min", options.minReplicas(),
                    "epochs", options.epochs(),
                    "deposit", deposit),
                READ_TTL,
                "opening the deal")
            .asText();
    progress.accept(
        "opened "
            + dealId
            + ": "
            + options.replicas()
            + " replicas (at least "
            + options.minReplicas()
            + "), price ≤ "
            + options.maxPrice()
            + ", "
            + options.epochs()
            + " epochs, deposit "
            + deposit);
    BotDeal deal = new BotDeal(calls, dealId, options);
    deal.awaitReplicas(progress);
    return deal;
  }

  /**
   * The deal {@code dealId}, opened before (by this bot's key, say in an earlier run): waits until
   * its replicas answer.
   */
  public static BotDeal attach(
      GyreClient client, String dealId, BotOptions options, Consumer<String> progress) {
    BotDeal deal = new BotDeal(new BotCalls(client), dealId, options);
    progress.accept("using " + dealId);
    deal.awaitReplicas(progress);
    return deal;
  }

  public String id() {
    return id;
  }

  /** The peers the bot's brain runs on, as last read. */
  public List<String> replicaPeers() {
    return replicas.peers();
  }

  /** Reads the deal from the marketplace again; the replicas to ask follow its units. */
  public DealStatus refresh() {
    DealStatus status =
        DealStatus.fromJson(
            calls.call(
                "dealStatus",
                Map.of("relay", calls.relay(), "deal", id),
                READ_TTL,
                "reading " + id));
    replicas.update(status.peers());
    return status;
  }

  Replicas replicas() {
    return replicas;
  }

  BotCalls calls() {
    return calls;
  }

  BotOptions options() {
    return options;
  }

  /** Until the marketplace has matched the deal's units and each one's service answers. */
  private void awaitReplicas(Consumer<String> progress) {
    long started = System.nanoTime();
    long deadline = started + options.matchTimeout().toNanos();
    long lastReport = started;
    Set<String> answering = new LinkedHashSet<>();
    while (true) {
      DealStatus status;
      try {
        status = refresh();
      } catch (BotException e) {
        // the marketplace's own refusal is final; a slow or starting marketplace is asked again
        if (e.getMessage().contains("UNKNOWN_DEAL") || System.nanoTime() >= deadline) {
          throw e;
        }
        progress.accept(e.getMessage() + "; asking again");
        sleep(Duration.ofSeconds(1));
        continue;
      }
      if (status.ended()) {
        throw new BotException(id + " has ended (" + status.endReason() + ")");
      }
      answering.retainAll(status.peers());
      for (String peer : status.peers()) {
        if (!answering.contains(peer) && answers(peer)) {
          answering.add(peer);
          progress.accept(id + ": the replica on " + peer + " answers");
        }
      }
      if (answering.size() >= status.target()) {
        progress.accept(id + " runs on " + answering.size() + " replica(s)");
        return;
      }
      long now = System.nanoTime();
      if (now >= deadline) {
        if (answering.size() >= Math.max(1, status.min())) {
          progress.accept(
              id + ": going on with " + answering.size() + " of " + status.target() + " replicas");
          return;
        }
        throw new BotException(
            id
                + " is "
                + status.status()
                + " with "
                + status.units().size()
                + " of "
                + status.target()
                + " units matched and "
                + answering.size()
                + " answering after "
                + options.matchTimeout().toSeconds()
                + " s: are there offers at a price ≤ "
                + options.maxPrice()
                + "? (gyre market offers)");
      }
      if (now - lastReport >= PROGRESS_EVERY.toNanos()) {
        lastReport = now;
        progress.accept(
            "... waiting for "
                + id
                + ": "
                + status.status()
                + ", "
                + status.units().size()
                + " of "
                + status.target()
                + " units matched, "
                + answering.size()
                + " answering ("
                + (now - started) / 1_000_000_000
                + " s)");
      }
      sleep(Duration.ofMillis(500));
    }
  }

  /** Whether the deal's service answers on {@code peer} (deployed and alive). */
  private boolean answers(String peer) {
    try {
      return calls.ask(peer, id, "/help", List.of(), options.callTtl()).isPresent();
    } catch (BotException e) {
      return false;
    }
  }

  private static long wallet(BotCalls calls, String me) {
    JsonNode accounts =
        calls.call("ledger", Map.of("relay", calls.relay()), READ_TTL, "reading the wallet");
    for (JsonNode account : accounts) {
      if (account.path("account").asText().equals("wallet:" + me)) {
        return account.path("balance").asLong();
      }
    }
    return 0;
  }

  static byte[] wasm() {
    try (InputStream in = BotDeal.class.getResourceAsStream(WASM)) {
      if (in == null) {
        throw new BotException(WASM + " is not on the class path (gyre-examples builds it)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BotException("interrupted while waiting for the deal");
    }
  }
}
