package io.gyre.chat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to the listener one at a time, in arrival order, on a thread of its own: the SDK's
 * service threads never wait for the listener and the listener never runs twice at once.
 */
final class EventQueue implements Consumer<ChatEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventQueue.class);

  private final Consumer<ChatEvent> listener;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "gyre-chat-events");
            t.setDaemon(true);
            return t;
          });

  EventQueue(Consumer<ChatEvent> listener) {
    this.listener = listener;
  }

  @Override
  public void accept(ChatEvent event) {
    if (thread.isShutdown()) {
      return;
    }
    thread.execute(
        () -> {
          try {
            listener.accept(event);
          } catch (RuntimeException e) {
            LOG.warn("chat listener failed on {}", event, e);
          }
        });
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
