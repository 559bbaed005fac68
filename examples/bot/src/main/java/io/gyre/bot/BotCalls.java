package io.gyre.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.chat.ChatException;
import io.gyre.client.CallFailed;
import io.gyre.client.Disconnected;
import io.gyre.client.GyreClient;
import io.gyre.client.NoRoute;
import io.gyre.client.ParticleExpired;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The bot's calls of its Aqua functions through the SDK, and why one failed in a few words. */
final class BotCalls {
  /** Room beyond a call's TTL for the answer to travel back before the wait gives up. */
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final GyreClient client;

  BotCalls(GyreClient client) {
    this.client = client;
  }

  GyreClient client() {
    return client;
  }

  /** The relay's peer id, which every function of bot.aqua acts through. */
  String relay() {
    return client
        .relayPeerId()
        .orElseThrow(() -> new BotException("not connected to a relay"))
        .base58();
  }

  /** Calls {@code function} of bot.aqua with a TTL of its own and waits for the response. */
  JsonNode call(String function, Map<String, ?> arguments, Duration ttl, String doing) {
    var aqua = BotFunctions.get(function);
    CompletableFuture<JsonNode> call = client.call(aqua, aqua.bind(arguments), ttl);
    try {
      return call.get(ttl.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BotException("interrupted while " + doing, e);
    } catch (ExecutionException e) {
      throw new BotException(doing + " failed: " + reason(e.getCause()), e.getCause());
    } catch (TimeoutException e) {
      call.cancel(false);
      throw new BotException(doing + ": no answer within " + ttl.toSeconds() + " s", e);
    }
  }

  /**
   * Asks the deal's service on one replica peer: its reply ({@code ?string}: empty when the text is
   * not a command).
   *
   * @throws BotException when the replica did not answer within {@code ttl} or its call failed
   */
  Optional<String> ask(String peer, String deal, String text, List<String> peers, Duration ttl) {
    JsonNode reply =
        call(
            "ask",
            Map.of("peer", peer, "deal", deal, "text", text, "peers", peers),
            ttl,
            "asking the replica on " + shortId(peer));
    return reply != null && reply.isArray() && reply.size() > 0 && !reply.get(0).isNull()
        ? Optional.of(reply.get(0).asText())
        : Optional.empty();
  }

  /** "…Ab3xYz": the end of a peer id, enough to tell a cluster's peers apart. */
  static String shortId(String peerId) {
    return peerId.length() <= 6 ? peerId : "…" + peerId.substring(peerId.length() - 6);
  }

  /** Why a call failed, for a person: the SDK's kinds of failure in their own words. */
  static String reason(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException
            || cause instanceof ExecutionException
            || cause instanceof BotException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof NoRoute) {
      return "no route (" + cause.getMessage() + ")";
    }
    if (cause instanceof ParticleExpired || cause instanceof TimeoutException) {
      return "no answer within its TTL";
    }
    if (cause instanceof Disconnected) {
      return "our relay connection was lost";
    }
    if (cause instanceof CallFailed || cause instanceof ChatException) {
      return cause.getMessage();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
