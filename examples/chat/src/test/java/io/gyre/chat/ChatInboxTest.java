package io.gyre.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.client.CallArguments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a client's chat service takes from other clients, and what it refuses. */
class ChatInboxTest {
  private static final String ANN = "12D3KooWAnnAnnAnnAnnAnnAnnAnnAnnAnnAnnAnnAnnAnn";
  private static final String MALLORY = "12D3KooWMalloryMalloryMalloryMalloryMallory";

  private final List<ChatEvent> events = new ArrayList<>();
  private final ChatInbox inbox = new ChatInbox("lobby", new SeenMessages(), events::add);

  private static CallArguments call(String initPeer, String room, JsonNode payload) {
    return new CallArguments(
        List.of(new TextNode(room), payload), List.of(List.of(), List.of()), "particle", initPeer);
  }

  private static ChatMessage message(long seq, String from) {
    return new ChatMessage(seq, from, "ann", "hi", 1);
  }

  @Test
  void aMessageFromItsAuthorIsToldOnceEvenWhenDeliveredTwice() {
    inbox.call("receive", call(ANN, "lobby", message(4, ANN).toJson()));
    inbox.call("receive", call(ANN, "lobby", message(4, ANN).toJson()));
    assertEquals(List.of(new ChatEvent.MessageReceived(message(4, ANN))), events);
  }

  @Test
  void nobodySpeaksForAnotherClient() {
    IllegalArgumentException forged =
        assertThrows(
            IllegalArgumentException.class,
            () -> inbox.call("receive", call(MALLORY, "lobby", message(5, ANN).toJson())));
    assertTrue(forged.getMessage().contains("must come from it"), forged.getMessage());
    ChatMember ann = new ChatMember(ANN, "12D3KooWRelay", "ann");
    assertThrows(
        IllegalArgumentException.class,
        () -> inbox.call("left", call(MALLORY, "lobby", ann.toJson())));
    assertEquals(List.of(), events);
  }

  @Test
  void anotherRoomsTrafficAndUnknownFunctionsAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> inbox.call("receive", call(ANN, "kitchen", message(1, ANN).toJson())));
    assertThrows(
        IllegalArgumentException.class,
        () -> inbox.call("shout", call(ANN, "lobby", message(1, ANN).toJson())));
    inbox.call("joined", call(ANN, "lobby", new ChatMember(ANN, "12D3KooWRelay", "ann").toJson()));
    assertEquals(
        List.of(new ChatEvent.MemberJoined(new ChatMember(ANN, "12D3KooWRelay", "ann"))), events);
  }
}
