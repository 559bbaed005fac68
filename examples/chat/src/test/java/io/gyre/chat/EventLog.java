package io.gyre.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A session's listener for tests: keeps every event and waits for the one a test expects. */
final class EventLog implements Consumer<ChatEvent> {
  private final String owner;
  private final List<ChatEvent> events = new ArrayList<>();

  EventLog(String owner) {
    this.owner = owner;
  }

  @Override
  public synchronized void accept(ChatEvent event) {
    System.out.println(owner + " <- " + event);
    events.add(event);
    notifyAll();
  }

  /** The first event that {@code matches}, waiting up to {@code seconds} for it. */
  synchronized ChatEvent await(String what, Predicate<ChatEvent> matches, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      for (ChatEvent event : events) {
        if (matches.test(event)) {
          return event;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            owner + " saw no " + what + " within " + seconds + " s; it saw " + events);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  ChatMessage awaitMessage(String text, int seconds) throws InterruptedException {
    return ((ChatEvent.MessageReceived)
            await(
                "message '" + text + "'",
                e -> e instanceof ChatEvent.MessageReceived m && m.message().text().equals(text),
                seconds))
        .message();
  }

  synchronized long count(Predicate<ChatEvent> matches) {
    return events.stream().filter(matches).count();
  }
}
