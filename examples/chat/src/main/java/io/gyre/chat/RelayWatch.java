package io.gyre.chat;

import io.gyre.client.GyreClient;
import io.gyre.identity.PeerId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the client's relay connection (the SDK reconnects by itself but tells no one): when it is
 * lost, says so; when the client is connected again — to the same relay or another — asks for a
 * rejoin, so the room delivers to the new relay and the messages of the meantime are caught up. A
 * rejoin that fails is asked for again on the next look.
 */
final class RelayWatch implements AutoCloseable {
  static final long PERIOD_MS = 200;

  private final GyreClient client;
  private final Consumer<ChatEvent> events;
  private final Rejoin rejoin;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "gyre-chat-relay-watch");
            t.setDaemon(true);
            return t;
          });
  private String joinedRelay;
  private boolean lost;

  /** Joins again from the relay it is given; throws when that fails. */
  interface Rejoin {
    void from(String relay);
  }

  RelayWatch(GyreClient client, String joinedRelay, Consumer<ChatEvent> events, Rejoin rejoin) {
    this.client = client;
    this.joinedRelay = joinedRelay;
    this.events = events;
    this.rejoin = rejoin;
  }

  void start() {
    timer.scheduleWithFixedDelay(this::look, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private void look() {
    Optional<String> relay = client.relayPeerId().map(PeerId::base58);
    if (relay.isEmpty()) {
      if (!lost) {
        lost = true;
        events.accept(new ChatEvent.ConnectionLost(joinedRelay));
      }
      return;
    }
    if (!lost && relay.get().equals(joinedRelay)) {
      return;
    }
    if (!lost) { // the client reconnected elsewhere between two looks
      lost = true;
      events.accept(new ChatEvent.ConnectionLost(joinedRelay));
    }
    try {
      rejoin.from(relay.get());
      joinedRelay = relay.get();
      lost = false;
    } catch (RuntimeException e) {
      events.accept(
          new ChatEvent.Notice(
              "rejoining through "
                  + relay.get()
                  + " failed ("
                  + e.getMessage()
                  + "); trying again"));
      lost = true;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
