package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.client.GyreClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One client in one chat room: joins it (deploying the room's service when the room is new), posts,
 * tells the listener what others post, who joins and leaves and what could not be delivered,
 * rejoins after the client reconnects, and leaves.
 *
 * <pre>{@code
 * try (GyreClient client = GyreClient.connect(relay, key);
 *     ChatSession chat = ChatSession.join(client, "lobby", "ada", ChatOptions.defaults(), System.out::println)) {
 *   chat.history().forEach(System.out::println);   // what was said before
 *   chat.post("hello").join();
 * }
 * }</pre>
 *
 * <p>A client is in one room at a time (its {@code gyre-chat} service answers for that room). The
 * listener is called on one thread of the session's, one event at a time.
 */
public final class ChatSession implements AutoCloseable {
  private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int MAX_NICK = 32;
  private static final int MAX_TEXT_BYTES = 1000;

  private final GyreClient client;
  private final String room;
  private final ChatOptions options;
  private final RoomLocator.RoomAddress address;
  private final EventQueue events;
  private final SeenMessages seen;
  private final Deliveries deliveries;
  private final String nick;
  private final RoomState joinedState;
  private volatile ChatMember self;
  private RelayWatch watch;
  private boolean left;

  /** What the room held when this session joined it. */
  public record RoomState(List<ChatMember> members, List<ChatMessage> history) {
    public RoomState {
      members = List.copyOf(members);
      history = List.copyOf(history);
    }

    static RoomState fromJson(JsonNode json) {
      return new RoomState(
          ChatMember.listFromJson(json.path("members")),
          ChatMessage.listFromJson(json.path("history")));
    }
  }

  private ChatSession(
      GyreClient client,
      String room,
      String nick,
      ChatOptions options,
      RoomLocator.RoomAddress address,
      EventQueue events,
      SeenMessages seen) {
    this.client = client;
    this.room = room;
    this.nick = nick;
    this.options = options;
    this.address = address;
    this.events = events;
    this.seen = seen;
    this.deliveries = new Deliveries(client, room, options.deliveryTtl(), events);
    this.joinedState = joinAs(relayNow());
  }

  /**
   * Joins {@code room} as {@code nick} and tells the other members.
   *
   * @throws IllegalArgumentException for a bad room name or nickname
   * @throws ChatException when the room cannot be found, deployed or joined
   */
  public static ChatSession join(
      GyreClient client,
      String room,
      String nick,
      ChatOptions options,
      Consumer<ChatEvent> listener) {
    checkRoom(room);
    checkNick(nick);
    EventQueue events = new EventQueue(listener);
    SeenMessages seen = new SeenMessages();
    client.registerService(ChatInbox.SERVICE_ID, new ChatInbox(room, seen, events));
    try {
      RoomLocator.RoomAddress address =
          new RoomLocator(client, options, text -> events.accept(new ChatEvent.Notice(text)))
              .locate(room);
      ChatSession session = new ChatSession(client, room, nick, options, address, events, seen);
      session.deliveries.joined(session.joinedState.members(), session.self);
      session.watch = new RelayWatch(client, session.self.relayId(), events, session::rejoinFrom);
      session.watch.start();
      return session;
    } catch (RuntimeException e) {
      client.unregisterService(ChatInbox.SERVICE_ID);
      events.close();
      throw e;
    }
  }

  public static void checkRoom(String room) {
    if (room == null || !ROOM.matcher(room).matches()) {
      throw new IllegalArgumentException(
          "room name '" + room + "': 1 to 64 of letters, digits, '.', '_' and '-'");
    }
  }

  public static void checkNick(String nick) {
    if (nick == null
        || nick.isBlank()
        || nick.length() > MAX_NICK
        || nick.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "nickname '" + nick + "': 1 to " + MAX_NICK + " printable characters");
    }
  }

  public String room() {
    return room;
  }

  /** The peer hosting the room's service. */
  public String host() {
    return address.host();
  }

  /** The room service's id on its host. */
  public String roomServiceId() {
    return address.serviceId();
  }

  /** True when this session deployed the room's service (the room was new). */
  public boolean deployedRoom() {
    return address.deployedNow();
  }

  /** This client as a member: its peer id, the relay it joined through, its nickname. */
  public ChatMember self() {
    return self;
  }

  /** The members and the last 50 messages when this session joined. */
  public RoomState joinedState() {
    return joinedState;
  }

  /**
   * Posts {@code text}: the room keeps it, then it is sent to every other member. Completes with
   * the message as kept once the room has it, or fails with a {@link ChatException} saying why (an
   * {@link IllegalArgumentException} for an empty or too long text); deliveries that fail are told
   * as events.
   */
  public CompletableFuture<ChatMessage> post(String text) {
    int bytes = text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > MAX_TEXT_BYTES) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "a message is 1 to " + MAX_TEXT_BYTES + " bytes of UTF-8; this one is " + bytes));
    }
    return client
        .call(ChatFunctions.get("post"), address.host(), address.serviceId(), room, text)
        .orTimeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (result, failure) -> {
              if (failure != null) {
                throw new ChatException(
                    "posting to room " + room + " failed: " + ChatCalls.reason(failure), failure);
              }
              ChatMessage message = ChatMessage.fromJson(result.get(0));
              seen.firstTime(message.seq());
              deliveries.message(ChatMember.listFromJson(result.get(1)), message);
              return message;
            });
  }

  /** The room's last 50 messages now, oldest first. */
  public List<ChatMessage> history() {
    return ChatMessage.listFromJson(
        await(
            client.call(ChatFunctions.get("history"), address.host(), address.serviceId(), room),
            "reading the history of"));
  }

  /** The room's members now. */
  public List<ChatMember> members() {
    return ChatMember.listFromJson(
        await(
            client.call(ChatFunctions.get("members"), address.host(), address.serviceId(), room),
            "listing the members of"));
  }

  /**
   * Leaves the room and tells the members who stay, waiting for their answers (at most the delivery
   * TTL); the session is over.
   */
  public synchronized void leave() {
    if (left) {
      return;
    }
    left = true;
    watch.close();
    try {
      JsonNode result =
          await(
              client.call(
                  ChatFunctions.get("leaveRoom"), address.host(), address.serviceId(), room),
              "leaving");
      // the notices must leave before the client may close; a member who is gone costs at most
      // the delivery TTL
      deliveries
          .left(ChatMember.listFromJson(result.get(1)), self)
          .completeOnTimeout(null, options.deliveryTtl().toMillis(), TimeUnit.MILLISECONDS)
          .join();
    } finally {
      client.unregisterService(ChatInbox.SERVICE_ID);
      events.close();
    }
  }

  /** Leaves, unless it already has; a failure to tell the room is not rethrown. */
  @Override
  public void close() {
    try {
      leave();
    } catch (ChatException e) {
      // the room forgets nobody by itself; there is nothing more to do from here
    }
  }

  private String relayNow() {
    return client
        .relayPeerId()
        .orElseThrow(() -> new ChatException("not connected to a relay"))
        .base58();
  }

  /** Joins through {@code relay}: the room delivers to this client there from now on. */
  private RoomState joinAs(String relay) {
    JsonNode state =
        await(
            client.call(
                ChatFunctions.get("joinRoom"),
                address.host(),
                address.serviceId(),
                room,
                relay,
                nick),
            "joining");
    self = new ChatMember(client.peerId().base58(), relay, nick);
    RoomState joined = RoomState.fromJson(state);
    joined.history().forEach(message -> seen.firstTime(message.seq()));
    return joined;
  }

  /** After a reconnect: join again from the new relay and tell the messages missed meanwhile. */
  private synchronized void rejoinFrom(String relay) {
    if (left) {
      return;
    }
    JsonNode state =
        await(
            client.call(
                ChatFunctions.get("joinRoom"),
                address.host(),
                address.serviceId(),
                room,
                relay,
                nick),
            "rejoining");
    self = new ChatMember(client.peerId().base58(), relay, nick);
    int missed = 0;
    for (ChatMessage message : RoomState.fromJson(state).history()) {
      if (seen.firstTime(message.seq()) && !message.from().equals(self.peerId())) {
        events.accept(new ChatEvent.MessageReceived(message));
        missed++;
      }
    }
    events.accept(new ChatEvent.Rejoined(relay, missed));
  }

  private JsonNode await(CompletableFuture<JsonNode> call, String doing) {
    return ChatCalls.await(call, options.callTimeout(), doing + " room " + room);
  }
}
