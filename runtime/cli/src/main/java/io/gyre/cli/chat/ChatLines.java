package io.gyre.cli.chat;

import io.gyre.chat.ChatEvent;
import io.gyre.chat.ChatMember;
import io.gyre.chat.ChatMessage;
import io.gyre.chat.ChatSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the chat screen shows, one line each: messages as {@code HH:mm:ss <nick> text}, news about
 * the room after {@code ***}, failures after {@code !!!}.
 */
final class ChatLines {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private ChatLines() {}

  static String of(ChatEvent event) {
    if (event instanceof ChatEvent.MessageReceived received) {
      return message(received.message());
    } else if (event instanceof ChatEvent.MemberJoined joined) {
      return "*** " + member(joined.member()) + " joined";
    } else if (event instanceof ChatEvent.MemberLeft left) {
      return "*** " + left.member().nick() + " left";
    } else if (event instanceof ChatEvent.DeliveryFailed failed) {
      return "!!! "
          + failed.what()
          + " not delivered to "
          + failed.member().nick()
          + ": "
          + failed.reason();
    } else if (event instanceof ChatEvent.ConnectionLost lost) {
      return "!!! lost the relay " + shortId(lost.relayPeerId()) + "; reconnecting…";
    } else if (event instanceof ChatEvent.Rejoined rejoined) {
      return "*** reconnected through "
          + shortId(rejoined.relayPeerId())
          + (rejoined.missed() == 0 ? "" : "; " + rejoined.missed() + " missed message(s) above");
    } else if (event instanceof ChatEvent.Notice notice) {
      return "*** " + notice.text();
    }
    return "*** " + event;
  }

  static String message(ChatMessage message) {
    return CLOCK.format(Instant.ofEpochMilli(message.timestampMs()))
        + " <"
        + message.nick()
        + "> "
        + message.text();
  }

  /** The lines shown once joined: where the room is, who is in it, what was said before. */
  static List<String> welcome(ChatSession session) {
    ChatSession.RoomState state = session.joinedState();
    List<String> nicks = state.members().stream().map(ChatMember::nick).sorted().toList();
    String header =
        "*** joined room "
            + session.room()
            + " as "
            + session.self().nick()
            + " (hosted by "
            + shortId(session.host())
            + (session.deployedRoom() ? ", new room" : "")
            + "; members: "
            + String.join(", ", nicks)
            + ")";
    List<String> history = state.history().stream().map(ChatLines::message).toList();
    return java.util.stream.Stream.of(
            List.of(header),
            history.isEmpty()
                ? List.<String>of()
                : List.of("*** the last " + history.size() + " message(s):"),
            history,
            List.of("*** type a message and Enter to post; /who lists members, /quit leaves"))
        .flatMap(List::stream)
        .toList();
  }

  static String member(ChatMember member) {
    return member.nick()
        + " ("
        + shortId(member.peerId())
        + " via "
        + shortId(member.relayId())
        + ")";
  }

  /** The end of a peer id: enough to tell peers apart on one screen. */
  static String shortId(String peerId) {
    return peerId.length() <= 8 ? peerId : "…" + peerId.substring(peerId.length() - 6);
  }
}
