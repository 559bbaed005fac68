package io.gyre.chat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.syntax.AirParser;
import io.gyre.client.AquaFunction;
import io.gyre.client.AquaFunctions;
import io.gyre.client.AquaResource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * chat.aqua compiles with Gyre's compiler into AIR the interpreter parses, with the arguments the
 * chat passes: its calls are positional, so a reordered or renamed parameter would send a value to
 * the wrong place without this test.
 */
class ChatFunctionsTest {
  /** Each exported function, as ChatSession, RoomLocator and Deliveries call it. */
  private static final Map<String, String> SIGNATURES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("roomPeers", "relay: string"),
              Map.entry("findRoom", "host: string, alias: string"),
              Map.entry("deployRoom", "host: string, wasm: string"),
              Map.entry("claimRoom", "host: string, alias: string, service_id: string"),
              Map.entry("removeRoom", "host: string, service_id: string"),
              Map.entry(
                  "joinRoom",
                  "host: string, room_id: string, room: string, relay: string, nick: string"),
              Map.entry("leaveRoom", "host: string, room_id: string, room: string"),
              Map.entry("post", "host: string, room_id: string, room: string, text: string"),
              Map.entry("history", "host: string, room_id: string, room: string"),
              Map.entry("members", "host: string, room_id: string, room: string"),
              Map.entry("deliver", "member: Member, room: string, message: Message"),
              Map.entry("announceJoin", "member: Member, room: string, who: Member"),
              Map.entry("announceLeave", "member: Member, room: string, who: Member")));

  @Test
  void everyExportedFunctionCompilesToAirThatParsesWithTheArgumentsTheChatPasses() {
    String source = new AquaResource(ChatFunctions.class, ChatFunctions.SOURCE).source();
    List<AquaFunction> compiled =
        AquaFunctions.compileText(ChatFunctions.SOURCE, source, List.of());

    Map<String, String> signatures = new TreeMap<>();
    for (AquaFunction function : compiled) {
      signatures.put(function.name(), function.signature());
      assertDoesNotThrow(
          () -> AirParser.parse(function.air()), () -> function.name() + ":\n" + function.air());
      assertTrue(
          function.air().contains("callbackSrv"),
          function.name() + " answers nothing:\n" + function.air());
    }
    assertEquals(SIGNATURES, signatures);
  }

  @Test
  void joiningCallsTheRoomServicesJoin() {
    assertTrue(
        ChatFunctions.get("joinRoom").air().contains("(-room_id-arg- \"join\")"),
        ChatFunctions.get("joinRoom").air());
  }

  @Test
  void leavingAndPostingAnswerTheMembersToTell() {
    assertEquals(List.of("bool", "[]Member"), ChatFunctions.get("leaveRoom").results());
    assertEquals(List.of("Message", "[]Member"), ChatFunctions.get("post").results());
    assertEquals(List.of("RoomState"), ChatFunctions.get("joinRoom").results());
  }
}
