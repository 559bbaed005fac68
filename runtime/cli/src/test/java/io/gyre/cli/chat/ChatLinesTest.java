package io.gyre.cli.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.chat.ChatEvent;
import io.gyre.chat.ChatMember;
import io.gyre.chat.ChatMessage;
import org.junit.jupiter.api.Test;

class ChatLinesTest {
  private static final ChatMember BEN =
      new ChatMember(
          "12D3KooWBenBenBenBenBenBenBenBenBenBenBenBenBen123456",
          "12D3KooWRelayRelayRelayRelayRelayRelayRelayR654321",
          "ben");

  @Test
  void aMessageShowsItsTimeAuthorAndText() {
    String line =
        ChatLines.of(
            new ChatEvent.MessageReceived(new ChatMessage(3, BEN.peerId(), "ben", "hi", 0)));
    assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d <ben> hi"), line);
  }

  @Test
  void joinsNameTheMemberItsPeerAndItsRelayShortened() {
    assertEquals(
        "*** ben (…123456 via …654321) joined", ChatLines.of(new ChatEvent.MemberJoined(BEN)));
    assertEquals("*** ben left", ChatLines.of(new ChatEvent.MemberLeft(BEN)));
  }

  @Test
  void failuresSayWhatWasNotDeliveredToWhomAndWhy() {
    assertEquals(
        "!!! message 7 not delivered to ben: no answer within its TTL",
        ChatLines.of(new ChatEvent.DeliveryFailed(BEN, "message 7", "no answer within its TTL")));
    assertEquals(
        "*** reconnected through …654321; 2 missed message(s) above",
        ChatLines.of(new ChatEvent.Rejoined(BEN.relayId(), 2)));
  }
}
