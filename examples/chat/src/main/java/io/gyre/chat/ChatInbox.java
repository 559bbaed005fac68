package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.client.CallArguments;
import io.gyre.client.ServiceHandler;
import java.util.function.Consumer;

/**
 * The client's {@code ChatClient} service ({@code gyre-chat}): what other members' clients deliver.
 * A client may only speak for itself, so a message counts only when its author started the
 * particle, and a join or leave notice only when it names the member who sent it.
 */
final class ChatInbox implements ServiceHandler {
  static final String SERVICE_ID = "gyre-chat";

  private final String room;
  private final SeenMessages seen;
  private final Consumer<ChatEvent> events;

  ChatInbox(String room, SeenMessages seen, Consumer<ChatEvent> events) {
    this.room = room;
    this.seen = seen;
    this.events = events;
  }

  @Override
  public Object call(String function, CallArguments arguments) {
    String toRoom = arguments.get(0, String.class);
    if (!room.equals(toRoom)) {
      throw new IllegalArgumentException("this client is in room " + room + ", not " + toRoom);
    }
    JsonNode payload = arguments.json().get(1);
    switch (function) {
      case "receive" -> {
        ChatMessage message = ChatMessage.fromJson(payload);
        requireSender(message.from(), arguments, "message");
        if (seen.firstTime(message.seq())) {
          events.accept(new ChatEvent.MessageReceived(message));
        }
      }
      case "joined" -> {
        ChatMember member = ChatMember.fromJson(payload);
        requireSender(member.peerId(), arguments, "join notice");
        events.accept(new ChatEvent.MemberJoined(member));
      }
      case "left" -> {
        ChatMember member = ChatMember.fromJson(payload);
        requireSender(member.peerId(), arguments, "leave notice");
        events.accept(new ChatEvent.MemberLeft(member));
      }
      default ->
          throw new IllegalArgumentException(
              "gyre-chat has receive, joined and left; not " + function);
    }
    return null;
  }

  private static void requireSender(String named, CallArguments arguments, String what) {
    if (!named.equals(arguments.initPeerId())) {
      throw new IllegalArgumentException(
          "a " + what + " of " + named + " must come from it, not from " + arguments.initPeerId());
    }
  }
}
