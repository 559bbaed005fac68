package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.client.AquaFunction;
import io.gyre.client.GyreClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Sends one particle per member ({@code on member.peer_id via member.relay_id}), each with its own
 * short TTL, so one member who is gone costs only its own delivery, which is reported as a {@link
 * ChatEvent.DeliveryFailed} naming it and why.
 */
final class Deliveries {
  private final GyreClient client;
  private final String room;
  private final Duration ttl;
  private final Consumer<ChatEvent> events;

  Deliveries(GyreClient client, String room, Duration ttl, Consumer<ChatEvent> events) {
    this.client = client;
    this.room = room;
    this.ttl = ttl;
    this.events = events;
  }

  CompletableFuture<Void> message(List<ChatMember> members, ChatMessage message) {
    return send(members, "deliver", message.toJson(), "message " + message.seq());
  }

  CompletableFuture<Void> joined(List<ChatMember> members, ChatMember who) {
    return send(members, "announceJoin", who.toJson(), "join notice");
  }

  CompletableFuture<Void> left(List<ChatMember> members, ChatMember who) {
    return send(members, "announceLeave", who.toJson(), "leave notice");
  }

  /** Completes when every member has answered or failed (failures are told, never thrown). */
  private CompletableFuture<Void> send(
      List<ChatMember> members, String functionName, JsonNode payload, String what) {
    AquaFunction function = ChatFunctions.get(functionName);
    String self = client.peerId().base58();
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (ChatMember member : members) {
      if (member.peerId().equals(self)) {
        continue;
      }
      sends.add(
          client
              .call(function, function.bindInOrder(List.of(member.toJson(), room, payload)), ttl)
              .handle(
                  (delivered, failure) -> {
                    if (failure != null) {
                      events.accept(
                          new ChatEvent.DeliveryFailed(member, what, ChatCalls.reason(failure)));
                    }
                    return null;
                  }));
    }
    return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
  }
}
