package io.gyre.bot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Asks the bot's WASM brain on the deal's replicas: the one that answered last first, the next one
 * when a replica does not answer within the call TTL. Every replica runs the same deterministic
 * module, so whichever answers, the reply is the same.
 */
public final class BotBrain {
  private final BotDeal deal;
  private final Consumer<String> log;

  /**
   * A reply to one message.
   *
   * @param text the reply; empty when the message is no command the bot knows
   * @param peer the replica peer that answered
   */
  public record Reply(Optional<String> text, String peer) {}

  public BotBrain(BotDeal deal, Consumer<String> log) {
    this.deal = deal;
    this.log = log;
  }

  /**
   * The brain's reply to {@code text}.
   *
   * @throws BotException when no replica answered (each one's reason in the message)
   */
  public Reply answer(String text) {
    BotCalls calls = deal.calls();
    List<String> peers = isPeersCommand(text) ? clusterPeers(calls) : List.of();
    List<String> order = deal.replicas().inOrder();
    if (order.isEmpty()) {
      throw new BotException(deal.id() + " has no replica to ask now");
    }
    List<String> failures = new ArrayList<>();
    for (String peer : order) {
      try {
        Optional<String> reply = calls.ask(peer, deal.id(), text, peers, deal.options().callTtl());
        deal.replicas().answered(peer);
        return new Reply(reply, peer);
      } catch (BotException e) {
        deal.replicas().failed(peer);
        String why = BotCalls.shortId(peer) + ": " + BotCalls.reason(e);
        failures.add(why);
        log.accept("the replica " + why + "; asking the next one");
      }
    }
    throw new BotException(
        "no replica of " + deal.id() + " answered (" + String.join("; ", failures) + ")");
  }

  /** chat_bot's /peers takes the cluster's peers as its second argument. */
  private static boolean isPeersCommand(String text) {
    return text.equals("/peers") || text.startsWith("/peers ");
  }

  /** The relay and the peers it knows: the cluster as the bot sees it. */
  private static List<String> clusterPeers(BotCalls calls) {
    String relay = calls.relay();
    List<String> peers = new ArrayList<>();
    peers.add(relay);
    calls
        .call("clusterPeers", Map.of("relay", relay), Duration.ofSeconds(10), "listing the peers")
        .forEach(p -> peers.add(p.asText()));
    return peers.stream().distinct().toList();
  }
}
