package io.gyre.net.libp2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.net.Connection;
import io.gyre.net.Direction;
import io.gyre.net.Multiaddr;
import io.gyre.net.libp2p.identify.IdentifyMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gyre's libp2p against a real js-libp2p 2.x node (Noise, Yamux, identify, ping over TCP and
 * WebSocket), both directions: the proof that the wire is libp2p.
 */
class JsInteropTest {
  private static final int STREAMS = 16;
  private static final int MEGABYTE = 1 << 20;

  private static JsPeer js;
  private Libp2pHost gyre;

  @BeforeAll
  static void startJs() throws Exception {
    js = JsPeer.start("/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/tcp/0/ws");
  }

  @AfterAll
  static void stopJs() {
    if (js != null) {
      js.close();
    }
  }

  /** A fresh Gyre peer per test, so js never reuses a connection another test made. */
  @BeforeEach
  void startGyre() throws Exception {
    gyre = Libp2pHost.create(KeyPair.generate());
    gyre.handle(Echo.PROTOCOL, Echo.handler());
    gyre.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    gyre.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0/ws")).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopGyre() {
    gyre.close();
  }

  @ParameterizedTest(name = "js dials Gyre over {0}")
  @ValueSource(strings = {"tcp", "ws"})
  void jsDialsGyre(String transport) throws Exception {
    boolean ws = transport.equals("ws");
    Multiaddr target =
        gyre.listenAddresses().stream()
            .filter(a -> a.toString().contains("/ws") == ws)
            .findFirst()
            .orElseThrow();
    js.explain(
        () -> {
          JsonNode identified = js.call("identify", Map.of("addr", target.toString()), 60);
          assertEquals(gyre.peerId().base58(), identified.get("peerId").asText());
          assertEquals(gyre.peerId().base58(), identified.get("connectionPeer").asText());
          assertEquals(Set.copyOf(gyre.protocols()), texts(identified.get("protocols")));
          assertEquals(
              gyre.listenAddresses().stream()
                  .map(a -> a.withoutPeerId().toString())
                  .collect(Collectors.toSet()),
              texts(identified.get("listenAddrs")));
          assertEquals("gyre/0.1.0", identified.get("agentVersion").asText());

          Connection inbound =
              gyre.connections().stream()
                  .filter(
                      c ->
                          c.remotePeer().base58().equals(js.peerId())
                              && c.direction() == Direction.INBOUND)
                  .filter(c -> c.remoteAddress().toString().contains("/ws") == ws)
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new AssertionError(
                              "Gyre has no inbound "
                                  + transport
                                  + " connection from js: "
                                  + gyre.connections()));
          assertEquals(PeerId.parse(js.peerId()).orElseThrow(), inbound.remotePeer());

          JsonNode ping = js.call("ping", Map.of("addr", target.toString()), 30);
          assertTrue(ping.get("rttMs").asDouble() >= 0, "ping rtt " + ping);

          JsonNode echoed =
              js.call(
                  "echo",
                  Map.of("addr", target.toString(), "size", MEGABYTE, "streams", STREAMS),
                  180);
          assertEquals(STREAMS, echoed.get("streams").asInt());
          assertEquals((long) STREAMS * MEGABYTE, echoed.get("bytes").asLong());
        });
  }

  @ParameterizedTest(name = "Gyre dials js over {0}")
  @ValueSource(strings = {"tcp", "ws"})
  void gyreDialsJs(String transport) throws Exception {
    Multiaddr target = Multiaddr.parse(js.address(transport.equals("ws")));
    js.explain(
        () -> {
          Connection connection = gyre.dial(target).get(30, TimeUnit.SECONDS);
          assertEquals(js.peerId(), connection.remotePeer().base58());
          assertEquals(Direction.OUTBOUND, connection.direction());

          IdentifyMessage identity = gyre.identify(connection).get(30, TimeUnit.SECONDS);
          assertEquals(js.peerId(), identity.peer().base58());
          assertEquals(texts(js.ready().get("protocols")), Set.copyOf(identity.protocols()));
          assertEquals(
              js.addresses().stream()
                  .map(a -> Multiaddr.parse(a).withoutPeerId())
                  .collect(Collectors.toSet()),
              Set.copyOf(identity.listenAddresses()));
          // js reports what it sees: our IP and port (without /ws, with our /p2p)
          Multiaddr observed = identity.observedAddress().orElseThrow();
          assertEquals(
              connection.localAddress().components().subList(0, 2),
              observed.components().subList(0, 2));

          assertTrue(gyre.ping(connection).get(30, TimeUnit.SECONDS).toNanos() > 0);

          Random random = new Random(14);
          List<byte[]> payloads = new ArrayList<>();
          List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
          for (int i = 0; i < STREAMS; i++) {
            byte[] payload = new byte[MEGABYTE];
            random.nextBytes(payload);
            payloads.add(payload);
            echoes.add(Echo.roundTrip(connection, payload));
          }
          for (int i = 0; i < STREAMS; i++) {
            assertArrayEquals(
                payloads.get(i), echoes.get(i).get(180, TimeUnit.SECONDS), "echo stream " + i);
          }
          connection.close().get(10, TimeUnit.SECONDS);
        });
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }
}
