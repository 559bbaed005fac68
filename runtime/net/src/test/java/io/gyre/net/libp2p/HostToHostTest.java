package io.gyre.net.libp2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.net.Connection;
import io.gyre.net.Direction;
import io.gyre.net.Multiaddr;
import io.gyre.net.libp2p.identify.IdentifyMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostToHostTest {
  private Libp2pHost server;
  private Libp2pHost client;

  @BeforeEach
  void start() {
    server = Libp2pHost.create(KeyPair.generate());
    client = Libp2pHost.create(KeyPair.generate());
    server.handle(Echo.PROTOCOL, Echo.handler());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/tcp/0/ws"})
  void dialIdentifyPingAndEcho(String listen) throws Exception {
    Multiaddr bound = server.listen(Multiaddr.parse(listen)).get(10, TimeUnit.SECONDS);
    assertEquals(server.peerId(), bound.peerId().orElseThrow());

    Connection connection = client.dial(bound).get(10, TimeUnit.SECONDS);
    assertEquals(server.peerId(), connection.remotePeer());
    assertEquals(Direction.OUTBOUND, connection.direction());

    IdentifyMessage identity = client.identify(connection).get(10, TimeUnit.SECONDS);
    assertEquals(server.peerId(), identity.peer());
    assertEquals(List.of(bound.withoutPeerId()), identity.listenAddresses());
    assertTrue(
        identity
            .protocols()
            .containsAll(List.of("/ipfs/id/1.0.0", "/ipfs/ping/1.0.0", Echo.PROTOCOL)));
    assertEquals(connection.localAddress(), identity.observedAddress().orElseThrow());

    assertTrue(client.ping(connection).get(10, TimeUnit.SECONDS).toNanos() > 0);

    Random random = new Random(7);
    List<byte[]> payloads = new ArrayList<>();
    List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      byte[] payload = new byte[1 << 20];
      random.nextBytes(payload);
      payloads.add(payload);
      echoes.add(Echo.roundTrip(connection, payload));
    }
    for (int i = 0; i < 16; i++) {
      assertArrayEquals(payloads.get(i), echoes.get(i).get(60, TimeUnit.SECONDS), "stream " + i);
    }
  }
}
