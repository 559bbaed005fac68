package io.gyre.chat;

/** What a {@link ChatSession} tells its listener, in the order it learns it. */
public sealed interface ChatEvent {
  /** A message of another member arrived (or was caught up from the history after a reconnect). */
  record MessageReceived(ChatMessage message) implements ChatEvent {}

  record MemberJoined(ChatMember member) implements ChatEvent {}

  record MemberLeft(ChatMember member) implements ChatEvent {}

  /**
   * A message or notice did not reach {@code member}'s client.
   *
   * @param what what was being delivered ("message 7", "join notice", "leave notice")
   * @param reason why, as the SDK said it (no route to its relay, no answer within the TTL, …)
   */
  record DeliveryFailed(ChatMember member, String what, String reason) implements ChatEvent {}

  /** The relay connection was lost; the client is reconnecting by itself. */
  record ConnectionLost(String relayPeerId) implements ChatEvent {}

  /**
   * Connected again (to {@code relayPeerId}) and rejoined the room from there; {@code missed}
   * messages of the meantime were caught up from the history and told as {@link MessageReceived}.
   */
  record Rejoined(String relayPeerId, int missed) implements ChatEvent {}

  /** Progress worth showing (finding or deploying the room) or a failure of the session's own. */
  record Notice(String text) implements ChatEvent {}
}
