package io.gyre.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.client.ClientOptions;
import io.gyre.client.GyreClient;
import io.gyre.client.TestCluster;
import io.gyre.identity.KeyPair;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat end to end: SDK clients attached to different relays of a real 3-peer cluster, the
 * room's WASM service deployed by the first to join. The last test kills a relay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatEndToEndTest {
  private static final ChatOptions OPTIONS =
      ChatOptions.defaults().withDeliveryTtl(Duration.ofSeconds(5));

  @TempDir static Path dir;
  private static TestCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestCluster.start(dir.resolve("cluster"), 3, "chat-test-peer-");
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static String newRoom(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  @Order(1)
  void twoClientsOnTwoRelaysTalkBothWaysAndALateJoinerSeesTheHistory() throws Exception {
    String room = newRoom("lobby");
    EventLog annLog = new EventLog("ann");
    EventLog benLog = new EventLog("ben");
    EventLog catLog = new EventLog("cat");
    try (GyreClient annClient = GyreClient.connect(cluster.tcp(0));
        GyreClient benClient = GyreClient.connect(cluster.tcp(1));
        GyreClient catClient = GyreClient.connect(cluster.tcp(2));
        ChatSession ann = ChatSession.join(annClient, room, "ann", OPTIONS, annLog);
        ChatSession ben = ChatSession.join(benClient, room, "ben", OPTIONS, benLog)) {
      assertTrue(ann.deployedRoom(), "the first to join deploys the room");
      assertFalse(ben.deployedRoom(), "the second finds it");
      assertEquals(ann.host(), ben.host());
      assertEquals(ann.roomServiceId(), ben.roomServiceId());
      assertEquals(RoomHost.closest(room, cluster.peerIds()), ann.host());
      assertEquals(cluster.peerId(1), ben.self().relayId());
      annLog.await(
          "ben's join",
          e -> e instanceof ChatEvent.MemberJoined j && j.member().nick().equals("ben"),
          30);

      ExecutionException tooLong =
          assertThrows(ExecutionException.class, () -> ann.post("x".repeat(1001)).get());
      assertInstanceOf(IllegalArgumentException.class, tooLong.getCause());
      ChatMessage hello = ann.post("hello ben").get(30, TimeUnit.SECONDS);
      ChatMessage got = benLog.awaitMessage("hello ben", 30);
      assertEquals(hello, got);
      assertEquals("ann", got.nick());
      assertEquals(annClient.peerId().base58(), got.from());
      ben.post("hi ann").get(30, TimeUnit.SECONDS);
      assertEquals("ben", annLog.awaitMessage("hi ann", 30).nick());
      ann.post("how are you?").get(30, TimeUnit.SECONDS);
      benLog.awaitMessage("how are you?", 30);

      try (ChatSession cat = ChatSession.join(catClient, room, "cat", OPTIONS, catLog)) {
        List<String> earlier = cat.joinedState().history().stream().map(ChatMessage::text).toList();
        assertEquals(List.of("hello ben", "hi ann", "how are you?"), earlier);
        assertEquals(
            List.of("ann", "ben", "cat"),
            cat.joinedState().members().stream().map(ChatMember::nick).sorted().toList());
        annLog.await(
            "cat's join",
            e -> e instanceof ChatEvent.MemberJoined j && j.member().nick().equals("cat"),
            30);
        benLog.await(
            "cat's join",
            e -> e instanceof ChatEvent.MemberJoined j && j.member().nick().equals("cat"),
            30);
        cat.post("hello both").get(30, TimeUnit.SECONDS);
        annLog.awaitMessage("hello both", 30);
        benLog.awaitMessage("hello both", 30);
      }
      annLog.await(
          "cat's leave",
          e -> e instanceof ChatEvent.MemberLeft l && l.member().nick().equals("cat"),
          30);
      benLog.await(
          "cat's leave",
          e -> e instanceof ChatEvent.MemberLeft l && l.member().nick().equals("cat"),
          30);
      assertEquals(
          List.of("ann", "ben"), ann.members().stream().map(ChatMember::nick).sorted().toList());
      assertEquals(4, ann.history().size());
      // nobody is told their own messages back
      assertEquals(
          0,
          annLog.count(
              e -> e instanceof ChatEvent.MessageReceived m && m.message().nick().equals("ann")));
    }
  }

  @Test
  @Order(2)
  void twoClientsOpeningANewRoomAtOnceEndInTheSameRoom() throws Exception {
    String room = newRoom("race");
    try (GyreClient eveClient = GyreClient.connect(cluster.tcp(0));
        GyreClient fayClient = GyreClient.connect(cluster.tcp(1))) {
      EventLog fayLog = new EventLog("fay");
      CompletableFuture<ChatSession> eve =
          CompletableFuture.supplyAsync(
              () -> ChatSession.join(eveClient, room, "eve", OPTIONS, new EventLog("eve")));
      CompletableFuture<ChatSession> fay =
          CompletableFuture.supplyAsync(
              () -> ChatSession.join(fayClient, room, "fay", OPTIONS, fayLog));
      try (ChatSession first = eve.get(60, TimeUnit.SECONDS);
          ChatSession second = fay.get(60, TimeUnit.SECONDS)) {
        assertEquals(first.roomServiceId(), second.roomServiceId());
        assertEquals(1, (first.deployedRoom() ? 1 : 0) + (second.deployedRoom() ? 1 : 0));
        first.post("same room?").get(30, TimeUnit.SECONDS);
        fayLog.awaitMessage("same room?", 30);
      }
    }
  }

  @Test
  @Order(3)
  void aMemberWhoseClientIsGoneIsADeliveryFailureNamingIt() throws Exception {
    String room = newRoom("gone");
    EventLog annLog = new EventLog("ann");
    try (GyreClient annClient = GyreClient.connect(cluster.tcp(0));
        ChatSession ann = ChatSession.join(annClient, room, "ann", OPTIONS, annLog)) {
      GyreClient danClient = GyreClient.connect(cluster.tcp(1));
      ChatSession.join(danClient, room, "dan", OPTIONS, new EventLog("dan"));
      danClient.close(); // gone without leaving: the room still lists dan
      ann.post("anyone there?").get(30, TimeUnit.SECONDS);
      ChatEvent.DeliveryFailed failed =
          (ChatEvent.DeliveryFailed)
              annLog.await(
                  "a delivery failure for dan",
                  e -> e instanceof ChatEvent.DeliveryFailed f && f.member().nick().equals("dan"),
                  30);
      assertEquals(danClient.peerId().base58(), failed.member().peerId());
      assertTrue(failed.what().startsWith("message "), failed.what());
      assertFalse(failed.reason().isBlank());
    }
  }

  @Test
  @Order(4)
  void aClientWhoseRelayIsKilledReconnectsRejoinsAndChatsAgain() throws Exception {
    // a room hosted by peer 2, so that killing peer 1 (ben's relay) leaves the room alive
    String room = roomHostedBy(2);
    EventLog annLog = new EventLog("ann");
    EventLog benLog = new EventLog("ben");
    ClientOptions benOptions =
        ClientOptions.of(List.of(cluster.tcp(1), cluster.tcp(2)), KeyPair.generate())
            .withMaxBackoff(Duration.ofSeconds(1));
    try (GyreClient annClient = GyreClient.connect(cluster.tcp(0));
        GyreClient benClient = GyreClient.connect(benOptions);
        ChatSession ann = ChatSession.join(annClient, room, "ann", OPTIONS, annLog);
        ChatSession ben = ChatSession.join(benClient, room, "ben", OPTIONS, benLog)) {
      assertEquals(cluster.peerId(2), ann.host());
      ann.post("before").get(30, TimeUnit.SECONDS);
      benLog.awaitMessage("before", 30);
      ben.post("before, back").get(30, TimeUnit.SECONDS);
      annLog.awaitMessage("before, back", 30);

      System.out.println("killing ben's relay " + cluster.peerId(1));
      cluster.kill(1);
      ann.post("while you were away").get(30, TimeUnit.SECONDS);
      benLog.await("the lost connection", e -> e instanceof ChatEvent.ConnectionLost, 30);
      ChatEvent.Rejoined rejoined =
          (ChatEvent.Rejoined) benLog.await("the rejoin", e -> e instanceof ChatEvent.Rejoined, 60);
      assertEquals(cluster.peerId(2), rejoined.relayPeerId());
      assertEquals(cluster.peerId(2), ben.self().relayId());
      // delivered or caught up from the history: either way once
      benLog.awaitMessage("while you were away", 30);

      ann.post("after").get(30, TimeUnit.SECONDS);
      benLog.awaitMessage("after", 30);
      ben.post("after, back").get(30, TimeUnit.SECONDS);
      annLog.awaitMessage("after, back", 30);
      assertEquals(
          1,
          benLog.count(
              e ->
                  e instanceof ChatEvent.MessageReceived m
                      && m.message().text().equals("while you were away")));
    }
  }

  private static String roomHostedBy(int index) {
    for (int i = 0; ; i++) {
      String room = "relay-kill-" + i;
      if (RoomHost.closest(room, cluster.peerIds()).equals(cluster.peerId(index))) {
        return room;
      }
    }
  }
}
