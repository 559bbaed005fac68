package io.gyre.cli.chat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.gyre.chat.ChatException;
import io.gyre.chat.ChatMember;
import io.gyre.chat.ChatOptions;
import io.gyre.chat.ChatSession;
import io.gyre.cli.client.ClientArguments;
import io.gyre.cli.console.UserError;
import io.gyre.cli.console.VerboseOption;
import io.gyre.client.ClientOptions;
import io.gyre.client.ConnectFailed;
import io.gyre.client.GyreClient;
import io.gyre.identity.KeyPair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gyre chat}: a chat room in the terminal, as a client of a relay peer. */
@Command(
    name = "chat",
    description = {
      "Join a chat room and talk: messages appear as they arrive, a typed line is posted,"
          + " /quit leaves.",
      "The room's service (chat_room.wasm) is deployed on the room's host peer when the room is new;"
          + " a late joiner sees its last 50 messages."
    })
public final class ChatCommand implements Callable<Integer> {
  @Option(names = "--room", required = true, paramLabel = "NAME", description = "The room to join.")
  String room;

  @Option(
      names = "--via",
      required = true,
      paramLabel = "MULTIADDR",
      description =
          "A relay to connect through (as `gyre node` prints it: /ip4/127.0.0.1/tcp/7400/p2p/12D3KooW…);"
              + " more --via are fallbacks after a lost connection.")
  List<String> via = new ArrayList<>();

  @Option(
      names = "--name",
      paramLabel = "NICK",
      description = "Your nickname (default: guest- and the end of your peer id).")
  Optional<String> nick = Optional.empty();

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description =
          "Your client key, made on first use (default: a new key for this session only).")
  Optional<Path> keyFile = Optional.empty();

  @Option(
      names = "--host",
      paramLabel = "PEER_ID",
      description =
          "The peer that hosts the room (default: the peer closest to the room's name by Kademlia"
              + " distance, the same for everyone).")
  Optional<String> host = Optional.empty();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    ClientOptions clientOptions =
        ClientOptions.of(ClientArguments.relays(via), ClientArguments.key(keyFile));
    String nickname = nick.orElseGet(() -> guestName(clientOptions.key()));
    try {
      ChatSession.checkRoom(room);
      ChatSession.checkNick(nickname);
    } catch (IllegalArgumentException e) {
      throw new UserError(UserError.USAGE, e.getMessage());
    }
    if (!VerboseOption.given(spec.root().commandLine().getParseResult())) {
      // the screen tells of lost and regained connections itself; the SDK's log would tear it
      ((Logger) LoggerFactory.getLogger("io.gyre")).setLevel(Level.ERROR);
    }
    ChatOptions chatOptions =
        host.map(ChatOptions.defaults()::withRoomHost).orElseGet(ChatOptions::defaults);
    try (ChatScreen screen = ChatScreen.open()) {
      screen.print("*** connecting to " + clientOptions.relays().get(0) + "…");
      try (GyreClient client = GyreClient.connect(clientOptions)) {
        screen.print(
            "*** connected as " + client.peerId().base58() + "; joining room " + room + "…");
        ChatSession session =
            ChatSession.join(
                client, room, nickname, chatOptions, event -> screen.print(ChatLines.of(event)));
        ChatLines.welcome(session).forEach(screen::print);
        talk(screen, session);
        session.leave();
        screen.print("*** left room " + room);
        return 0;
      } catch (ConnectFailed e) {
        throw new UserError(UserError.FAILED, "cannot connect: " + e.getMessage(), e);
      } catch (ChatException e) {
        throw new UserError(UserError.FAILED, e.getMessage(), e);
      }
    }
  }

  /** Reads typed lines until /quit, Ctrl-D or Ctrl-C. */
  private static void talk(ChatScreen screen, ChatSession session) {
    String prompt = "[" + session.room() + "] " + session.self().nick() + "> ";
    while (true) {
      Optional<String> typed = screen.readLine(prompt);
      if (typed.isEmpty()) {
        return;
      }
      TypedLine line = TypedLine.parse(typed.get());
      if (line instanceof TypedLine.Quit) {
        return;
      } else if (line instanceof TypedLine.Post post) {
        session
            .post(post.text())
            .whenComplete(
                (message, failure) ->
                    screen.print(
                        failure == null
                            ? ChatLines.message(message)
                            : "!!! not posted: " + rootMessage(failure)));
      } else if (line instanceof TypedLine.Who) {
        who(screen, session);
      } else if (line instanceof TypedLine.Help) {
        screen.print(TypedLine.HELP);
      } else if (line instanceof TypedLine.Unknown unknown) {
        screen.print("!!! no command " + unknown.command() + "; " + TypedLine.HELP.substring(4));
      }
    }
  }

  private static void who(ChatScreen screen, ChatSession session) {
    try {
      List<ChatMember> members = session.members();
      screen.print("*** " + members.size() + " member(s):");
      members.forEach(m -> screen.print("***   " + ChatLines.member(m)));
    } catch (ChatException e) {
      screen.print("!!! " + e.getMessage());
    }
  }

  /** A failed post's reason: the session's exception inside the future's wrapper. */
  private static String rootMessage(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.getMessage();
  }

  private static String guestName(KeyPair key) {
    String id = key.peerId().base58();
    return "guest-" + id.substring(id.length() - 4);
  }
}
