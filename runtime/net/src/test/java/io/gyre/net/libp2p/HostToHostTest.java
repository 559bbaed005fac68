package io.gyre.net.libp2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.net.Connection;
import io.gyre.net.ConnectionListener;
import io.gyre.net.Direction;
import io.gyre.net.Multiaddr;
import io.gyre.net.ProtocolNotSupportedException;
import io.gyre.net.framing.MessageStream;
import io.gyre.net.libp2p.identify.IdentifyMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

  @Test
  void connectionEventsOnBothSides() throws Exception {
    Multiaddr bound =
        server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    List<String> serverEvents = new CopyOnWriteArrayList<>();
    List<String> clientEvents = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> serverSawClose = new CompletableFuture<>();
    // The client's closed event comes from its channel's close, after close() completes.
    CompletableFuture<Void> clientSawClose = new CompletableFuture<>();
    server.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void opened(Connection connection) {
            serverEvents.add("opened " + connection.remotePeer() + " " + connection.direction());
          }

          @Override
          public void closed(Connection connection) {
            serverEvents.add("closed " + connection.remotePeer());
            serverSawClose.complete(null);
          }
        });
    client.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void opened(Connection connection) {
            clientEvents.add("opened " + connection.remotePeer() + " " + connection.direction());
          }

          @Override
          public void closed(Connection connection) {
            clientEvents.add("closed " + connection.remotePeer());
            clientSawClose.complete(null);
          }
        });
    Connection connection = client.dial(bound).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(connection), client.connections());
    connection.close().get(10, TimeUnit.SECONDS);
    serverSawClose.get(10, TimeUnit.SECONDS);
    clientSawClose.get(10, TimeUnit.SECONDS);
    assertEquals(
        List.of("opened " + server.peerId() + " OUTBOUND", "closed " + server.peerId()),
        clientEvents);
    assertEquals(
        List.of("opened " + client.peerId() + " INBOUND", "closed " + client.peerId()),
        serverEvents);
    assertEquals(List.of(), client.connections());
  }

  @Test
  void aPortInUseIsAClearError() throws Exception {
    Multiaddr bound =
        server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    Multiaddr same = bound.withoutPeerId();
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> client.listen(same).get(10, TimeUnit.SECONDS));
    assertEquals(
        "cannot listen on " + same + ": Address already in use", e.getCause().getMessage());
    assertThrows(
        io.gyre.net.InvalidMultiaddrException.class,
        () -> client.listen(Multiaddr.parse("/dns/localhost")));
  }

  @Test
  void dialsByDnsName() throws Exception {
    Multiaddr bound =
        server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0/ws")).get(10, TimeUnit.SECONDS);
    String port = bound.components().get(1).value();
    Connection connection =
        client
            .dial(Multiaddr.parse("/dns4/localhost/tcp/" + port + "/ws/p2p/" + server.peerId()))
            .get(10, TimeUnit.SECONDS);
    assertEquals(server.peerId(), connection.remotePeer());
  }

  @Test
  void aStreamHasOneReader() throws Exception {
    server.handle("/gyre/quiet/1.0.0", stream -> {});
    Multiaddr bound =
        server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    io.gyre.net.Stream stream =
        client
            .dial(bound)
            .get(10, TimeUnit.SECONDS)
            .openStream("/gyre/quiet/1.0.0")
            .get(10, TimeUnit.SECONDS);
    stream.read(bytes -> {});
    assertThrows(IllegalStateException.class, () -> stream.read(bytes -> {}));
  }

  @Test
  void anUnsupportedProtocolFailsTheOpenNotTheConnection() throws Exception {
    Multiaddr bound =
        server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    Connection connection = client.dial(bound).get(10, TimeUnit.SECONDS);
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> connection.openStream("/gyre/nothing/1.0.0").get(10, TimeUnit.SECONDS));
    ProtocolNotSupportedException cause =
        assertInstanceOf(ProtocolNotSupportedException.class, e.getCause());
    assertEquals("/gyre/nothing/1.0.0", cause.protocol());
    assertTrue(connection.isOpen());
    server.unhandle(Echo.PROTOCOL);
    assertThrows(
        ExecutionException.class,
        () -> connection.openStream(Echo.PROTOCOL).get(10, TimeUnit.SECONDS));
  }

  @Test
  void lengthPrefixedMessagesBothWays() throws Exception {
    server.handle(
        "/gyre/particle/1.0.0",
        stream -> {
          MessageStream messages = MessageStream.of(stream, 4096);
          messages.read(
              message ->
                  messages.send(
                      ("re: " + new String(message, StandardCharsets.UTF_8))
                          .getBytes(StandardCharsets.UTF_8)));
        });
    Multiaddr bound =
        server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0/ws")).get(10, TimeUnit.SECONDS);
    Connection connection = client.dial(bound).get(10, TimeUnit.SECONDS);
    MessageStream messages =
        MessageStream.of(
            connection.openStream("/gyre/particle/1.0.0").get(10, TimeUnit.SECONDS), 4096);
    List<String> replies = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> all = new CompletableFuture<>();
    messages.read(
        message -> {
          replies.add(new String(message, StandardCharsets.UTF_8));
          if (replies.size() == 100) {
            all.complete(null);
          }
        });
    for (int i = 0; i < 100; i++) {
      messages.send(("particle " + i).getBytes(StandardCharsets.UTF_8));
    }
    all.get(30, TimeUnit.SECONDS);
    assertEquals("re: particle 0", replies.get(0));
    assertEquals("re: particle 99", replies.get(99));
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
