package io.gyre.cli.bot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.gyre.bot.BotDeal;
import io.gyre.bot.BotException;
import io.gyre.bot.BotOptions;
import io.gyre.bot.ChatBot;
import io.gyre.chat.ChatException;
import io.gyre.chat.ChatOptions;
import io.gyre.chat.ChatSession;
import io.gyre.cli.client.ClientArguments;
import io.gyre.cli.console.UserError;
import io.gyre.cli.console.VerboseOption;
import io.gyre.cli.peer.PeerClient;
import io.gyre.cli.peer.PeerOptions;
import io.gyre.client.ClientOptions;
import io.gyre.client.ConnectFailed;
import io.gyre.client.GyreClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gyre bot}: the chat bot of examples/bot — opens (or reuses) a marketplace deal that runs
 * its WASM brain on provider peers, joins a room and answers its commands until stopped.
 */
@Command(
    name = "bot",
    mixinStandardHelpOptions = true,
    description = {
      "Put the chat bot on the network and into a room: a marketplace deal runs its brain"
          + " (chat_bot.wasm) on --replicas provider peers, paid from the bot's wallet; it answers"
          + " /hash TEXT, /calc EXPR, /peers and /help from whichever replica answers, until Ctrl-C"
          + " (or --for)."
    })
public final class BotCommand implements Callable<Integer> {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  @Option(names = "--room", required = true, paramLabel = "NAME", description = "The room to join.")
  String room;

  @Option(
      names = "--via",
      required = true,
      paramLabel = "MULTIADDR",
      description =
          "A relay to connect through (as `gyre node` prints it); more --via are fallbacks.")
  List<String> via = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "NICK",
      description = "The bot's nickname (default: ${DEFAULT-VALUE}).")
  String nick = "bot";

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description =
          "The bot's key, made on first use: its wallet and its deals (default: a new key).")
  Optional<Path> keyFile = Optional.empty();

  @Option(
      names = "--host",
      paramLabel = "PEER_ID",
      description = "The peer that hosts the room (default: as gyre chat picks it).")
  Optional<String> host = Optional.empty();

  @ArgGroup(exclusive = false, heading = "A new deal (unless --deal):%n")
  NewDeal newDeal = new NewDeal();

  @Option(
      names = "--deal",
      paramLabel = "ID",
      description = "Use this deal (opened before with the same --key) instead of opening one.")
  Optional<String> dealId = Optional.empty();

  @Option(
      names = "--fund",
      description =
          "Have the operator of --peer fund the bot's wallet with the deposit first (needs the"
              + " peer's token: --token, $GYRE_TOKEN or --data-dir).")
  boolean fund;

  @CommandLine.Mixin PeerOptions operator;

  @Option(
      names = "--call-ttl",
      paramLabel = "SECONDS",
      description =
          "How long one replica may take before the next is asked (default: ${DEFAULT-VALUE}).")
  int callTtlSeconds = 4;

  @Option(
      names = "--for",
      paramLabel = "SECONDS",
      description = "Answer for this long, then leave (default: until Ctrl-C).")
  Optional<Integer> forSeconds = Optional.empty();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What the deal asks for. */
  static final class NewDeal {
    @Option(
        names = "--replicas",
        paramLabel = "N",
        description = "Replicas (default: ${DEFAULT-VALUE}).")
    int replicas = 2;

    @Option(
        names = "--min-replicas",
        paramLabel = "N",
        description = "Below this many the deal does not run (default: ${DEFAULT-VALUE}).")
    int minReplicas = 1;

    @Option(
        names = "--price",
        paramLabel = "AMOUNT",
        description = "Most paid per replica per epoch (default: ${DEFAULT-VALUE}).")
    long price = 10;

    @Option(
        names = "--epochs",
        paramLabel = "N",
        description = "Epochs paid for (default: ${DEFAULT-VALUE}).")
    int epochs = 100;
  }

  @Override
  public Integer call() {
    BotOptions options = options();
    ClientOptions clientOptions =
        ClientOptions.of(ClientArguments.relays(via), ClientArguments.key(keyFile));
    ChatOptions chatOptions =
        host.map(ChatOptions.defaults()::withRoomHost).orElseGet(ChatOptions::defaults);
    if (!VerboseOption.given(spec.root().commandLine().getParseResult())) {
      // a lost replica is the bot's own news, told in its lines; the SDK's log would repeat it
      ((Logger) LoggerFactory.getLogger("io.gyre")).setLevel(Level.ERROR);
    }
    PrintWriter out = spec.commandLine().getOut();
    String me = clientOptions.key().peerId().base58();
    if (fund) {
      fund(out, me, options.deposit());
    }
    say(out, "connecting to " + clientOptions.relays().get(0) + " as " + me + "…");
    CountDownLatch finished = new CountDownLatch(1);
    try (GyreClient client = GyreClient.connect(clientOptions)) {
      BotDeal deal =
          dealId.isPresent()
              ? BotDeal.attach(client, dealId.get(), options, line -> say(out, line))
              : BotDeal.open(client, options, line -> say(out, line));
      try (ChatBot bot =
          ChatBot.join(client, deal, room, nick, chatOptions, line -> say(out, line))) {
        say(out, forSeconds.map(s -> "answering for " + s + " s").orElse("answering until Ctrl-C"));
        awaitStop(finished);
      }
      say(
          out,
          "left room "
              + room
              + "; "
              + deal.id()
              + " goes on (--deal "
              + deal.id()
              + " to use it again)");
      return 0;
    } catch (ConnectFailed e) {
      throw new UserError(UserError.FAILED, "cannot connect: " + e.getMessage(), e);
    } catch (BotException | ChatException e) {
      throw new UserError(UserError.FAILED, e.getMessage(), e);
    } finally {
      finished.countDown();
    }
  }

  private BotOptions options() {
    try {
      ChatSession.checkRoom(room);
      ChatSession.checkNick(nick);
      if (callTtlSeconds < 1 || callTtlSeconds > 60) {
        throw new IllegalArgumentException(
            "--call-ttl must be 1..60 seconds, not " + callTtlSeconds);
      }
      if (fund && dealId.isPresent()) {
        throw new IllegalArgumentException(
            "--fund pays for a new deal; --deal " + dealId.get() + " is paid for already");
      }
      if (forSeconds.isPresent() && forSeconds.get() < 1) {
        throw new IllegalArgumentException(
            "--for must be at least 1 second, not " + forSeconds.get());
      }
      return BotOptions.defaults()
          .withReplicas(newDeal.replicas, newDeal.minReplicas)
          .withPrice(newDeal.price)
          .withEpochs(newDeal.epochs)
          .withCallTtl(Duration.ofSeconds(callTtlSeconds));
    } catch (IllegalArgumentException e) {
      throw new UserError(UserError.USAGE, e.getMessage().replaceFirst("^bot: ", ""));
    }
  }

  /** The operator's POST /market/fund: the only way money enters the marketplace. */
  private void fund(PrintWriter out, String peer, long amount) {
    PeerClient.Answer answer =
        operator
            .client()
            .post(
                "/market/fund",
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode()
                    .put("peer", peer)
                    .put("amount", amount));
    if (!answer.ok()) {
      throw new UserError(UserError.FAILED, "--fund: " + answer.error());
    }
    say(out, "funded: the wallet of " + peer + " holds " + answer.body().path("wallet").asLong());
  }

  /** Until --for has passed, or Ctrl-C: the hook waits (a while) for the bot to leave the room. */
  private void awaitStop(CountDownLatch finished) {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopped.countDown();
              try {
                finished.await(15, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "gyre-bot-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (forSeconds.isPresent()) {
        stopped.await(forSeconds.get(), TimeUnit.SECONDS);
      } else {
        stopped.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs and waits for `finished`
      }
    }
  }

  private static void say(PrintWriter out, String line) {
    out.println(CLOCK.format(LocalTime.now()) + " " + line);
    out.flush();
  }
}
