package io.gyre.bot;

import io.gyre.chat.ChatEvent;
import io.gyre.chat.ChatMessage;
import io.gyre.chat.ChatOptions;
import io.gyre.chat.ChatSession;
import io.gyre.client.GyreClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bot in a chat room: every message that starts with {@code /} goes to its WASM brain on the
 * deal's replicas ({@link BotBrain}) and the reply is posted in the room as {@code @nick reply}.
 * Messages that are no command the brain knows get no reply. The deal's units are read again every
 * {@link BotOptions#refreshInterval()}, so a unit the marketplace rematched is asked too.
 *
 * <pre>{@code
 * try (GyreClient client = GyreClient.connect(relay, key)) {
 *   BotDeal deal = BotDeal.open(client, BotOptions.defaults(), System.out::println);
 *   try (ChatBot bot = ChatBot.join(client, deal, "lobby", "bot", ChatOptions.defaults(), System.out::println)) {
 *     Thread.sleep(Long.MAX_VALUE);     // it answers on its own threads until closed
 *   }
 * }
 * }</pre>
 */
public final class ChatBot implements AutoCloseable {
  private static final int MAX_POST_BYTES = 1000;

  private final BotDeal deal;
  private final BotBrain brain;
  private final Consumer<String> log;
  private final ExecutorService answering;
  private final ScheduledExecutorService refreshing;

  /** The room, once joined: a message may arrive before {@code ChatSession.join} has returned. */
  private final CompletableFuture<ChatSession> chat = new CompletableFuture<>();

  private ChatBot(BotDeal deal, Consumer<String> log) {
    this.deal = deal;
    this.log = log;
    this.brain = new BotBrain(deal, log);
    this.answering = Executors.newSingleThreadExecutor(daemon("gyre-bot-answers"));
    this.refreshing = Executors.newSingleThreadScheduledExecutor(daemon("gyre-bot-deal"));
  }

  /**
   * Joins {@code room} as {@code nick} and answers its commands until closed; {@code log} is told
   * what the bot does (questions, which replica answered, replicas lost and gained).
   *
   * @throws io.gyre.chat.ChatException when the room cannot be joined
   */
  public static ChatBot join(
      GyreClient client,
      BotDeal deal,
      String room,
      String nick,
      ChatOptions chatOptions,
      Consumer<String> log) {
    ChatBot bot = new ChatBot(deal, log);
    try {
      bot.chat.complete(ChatSession.join(client, room, nick, chatOptions, bot::onEvent));
    } catch (RuntimeException e) {
      bot.chat.completeExceptionally(e);
      bot.stop();
      throw e;
    }
    long every = deal.options().refreshInterval().toMillis();
    bot.refreshing.scheduleWithFixedDelay(bot::refresh, every, every, TimeUnit.MILLISECONDS);
    log.accept("joined room " + room + " as " + nick + "; answering /hash, /calc, /peers, /help");
    return bot;
  }

  public ChatSession chat() {
    return chat.join();
  }

  public BotDeal deal() {
    return deal;
  }

  /** Leaves the room and stops answering. */
  @Override
  public void close() {
    stop();
    if (chat.isDone() && !chat.isCompletedExceptionally()) {
      chat.join().close();
    }
  }

  private void stop() {
    refreshing.shutdownNow();
    answering.shutdownNow();
  }

  private void onEvent(ChatEvent event) {
    if (event instanceof ChatEvent.MessageReceived received
        && received.message().text().startsWith("/")) {
      answering.execute(() -> respond(received.message()));
    } else if (event instanceof ChatEvent.Notice notice) {
      log.accept(notice.text());
    }
  }

  private void respond(ChatMessage message) {
    String reply;
    try {
      BotBrain.Reply answer = brain.answer(message.text());
      if (answer.text().isEmpty()) {
        log.accept(message.nick() + ": " + message.text() + " → no command; no reply");
        return;
      }
      reply = answer.text().get();
      log.accept(
          message.nick()
              + ": "
              + message.text()
              + " → "
              + BotCalls.shortId(answer.peer())
              + " answered");
    } catch (BotException e) {
      log.accept(message.nick() + ": " + message.text() + " → " + e.getMessage());
      reply = "sorry, no answer now: " + e.getMessage();
    }
    String text = fit("@" + message.nick() + " " + reply);
    chat.thenCompose(session -> session.post(text))
        .whenComplete(
            (posted, failure) -> {
              if (failure != null) {
                log.accept("could not post the reply: " + BotCalls.reason(failure));
              }
            });
  }

  /** Reads the deal's units again and tells when the replicas changed. */
  private void refresh() {
    try {
      List<String> before = deal.replicaPeers();
      DealStatus status = deal.refresh();
      if (!status.peers().equals(before)) {
        log.accept(
            deal.id()
                + " now runs on "
                + String.join(", ", status.peers().stream().map(BotCalls::shortId).toList())
                + (status.excluded().isEmpty()
                    ? ""
                    : " (dropped: " + String.join(", ", status.excluded()) + ")"));
      }
      if (status.ended()) {
        log.accept(deal.id() + " has ended (" + status.endReason() + ")");
      }
    } catch (RuntimeException e) {
      log.accept("reading " + deal.id() + " failed: " + BotCalls.reason(e));
    }
  }

  /** A reply longer than a room takes is cut (at a character, not inside one). */
  private static String fit(String text) {
    if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_POST_BYTES) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int cp : text.codePoints().toArray()) {
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_POST_BYTES - 3) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
    }
    return out.append('…').toString();
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
