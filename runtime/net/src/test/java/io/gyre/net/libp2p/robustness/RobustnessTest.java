package io.gyre.net.libp2p.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.KeyPair;
import io.gyre.net.Connection;
import io.gyre.net.ConnectionClosedException;
import io.gyre.net.ConnectionListener;
import io.gyre.net.Multiaddr;
import io.gyre.net.Stream;
import io.gyre.net.StreamReader;
import io.gyre.net.StreamResetException;
import io.gyre.net.framing.LengthPrefixedDecoder;
import io.gyre.net.framing.MessageReader;
import io.gyre.net.framing.MessageStream;
import io.gyre.net.libp2p.Libp2pHost;
import io.gyre.net.libp2p.config.HostOptions;
import io.gyre.net.libp2p.multistream.MultistreamCodec;
import io.gyre.net.libp2p.yamux.YamuxHeader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of bad peer is refused with one clear log line, and afterwards the host holds no
 * connection, channel, stream or extra thread.
 */
class RobustnessTest {
  private static final HostOptions OPTIONS =
      HostOptions.defaults()
          .withHandshakeTimeout(Duration.ofMillis(1000))
          .withKeepAlive(Duration.ofMillis(300), Duration.ofMillis(300))
          .withMaxWebSocketFrame(65_536)
          .withIoThreads(1);

  private final List<Libp2pHost> hosts = new CopyOnWriteArrayList<>();
  private LogCapture logs;
  private Libp2pHost server;
  private Multiaddr tcp;
  private Multiaddr ws;

  @BeforeEach
  void start() throws Exception {
    logs = new LogCapture();
    server = host(OPTIONS);
    tcp = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    ws = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0/ws")).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    hosts.forEach(Libp2pHost::close);
    Await.until(
        "every gyre-net thread ends",
        () -> Await.netThreads() == 0,
        () -> Await.netThreads() + " threads");
    logs.close();
  }

  private Libp2pHost host(HostOptions options) {
    Libp2pHost host = Libp2pHost.create(KeyPair.generate(), options);
    hosts.add(host);
    return host;
  }

  /** The refusal was logged exactly once and the host holds nothing but its listeners. */
  private void refusedOnceAndNothingLeaks(String reason) throws InterruptedException {
    Await.until(
        "a warning containing '" + reason + "'",
        () -> !logs.warnings(reason).isEmpty(),
        () -> logs.allWarnings().toString());
    Await.until(
        "the host lets go of every connection",
        () -> {
          var stats = server.stats();
          return stats.channels() == 0 && stats.connections() == 0 && stats.streams() == 0;
        },
        () -> server.stats().toString());
    assertEquals(
        1, logs.warnings(reason).size(), () -> "logged more than once: " + logs.allWarnings());
    assertTrue(
        Await.netThreads() <= hosts.size(), "one I/O thread per host: " + Await.netThreads());
  }

  @Test
  void aStalledHandshakeIsClosedAtTheTimeout() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks(
        "handshake not finished within 1000 ms (stalled at multistream-select for /noise)");
  }

  @Test
  void aHandshakeStalledInsideNoiseIsClosedAtTheTimeout() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      assertEquals("/noise", client.negotiate("/noise"));
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks("(stalled at the Noise handshake)");
  }

  @Test
  void aMalformedMultistreamMessageIsRefused() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      client.send(MultistreamCodec.encode("/not-multistream/9"));
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks(
        "multistream: expected /multistream/1.0.0, got '/not-multistream/9'");
  }

  @Test
  void anOversizeMultistreamMessageIsRefused() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      client.send(new byte[] {(byte) 0xa0, (byte) 0x8d, 0x06});
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks("multistream: message of 100000 bytes exceeds 1024 bytes");
  }

  @Test
  void aMalformedNoiseMessageIsRefused() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      client.negotiate("/noise");
      client.sendFrame(new byte[10]);
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks("handshake message 1 has 10 bytes, expected at least 32");
  }

  @Test
  void aForgedIdentityIsRefused() throws Exception {
    KeyPair mallory = KeyPair.generate();
    try (RawClient client = new RawClient(tcp)) {
      client.negotiate("/noise");
      client.secure(mallory, true);
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks(
        "identity signature of " + mallory.peerId() + " does not match its Noise static key");
  }

  @Test
  void aCorruptedTransportFrameIsRefused() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      client.negotiate("/noise");
      client.secure(KeyPair.generate(), false);
      client.sendFrame(new byte[100]);
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks("authentication tag does not match");
  }

  @Test
  void aMalformedYamuxFrameIsAnsweredWithGoAwayAndRefused() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      client.negotiate("/noise");
      client.secure(KeyPair.generate(), false);
      assertEquals("/yamux/1.0.0", client.negotiate("/yamux/1.0.0"));
      client.sendEncrypted(new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0});
      byte[] goAway = client.readEncrypted();
      assertEquals(
          new YamuxHeader(YamuxHeader.Type.GO_AWAY, 0, 0, YamuxHeader.PROTOCOL_ERROR),
          YamuxHeader.decode(goAway, 0));
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks("yamux: unsupported yamux version 1");
  }

  @Test
  void anOversizeYamuxFrameIsRefusedBeforeItIsBuffered() throws Exception {
    try (RawClient client = new RawClient(tcp)) {
      client.negotiate("/noise");
      client.secure(KeyPair.generate(), false);
      client.negotiate("/yamux/1.0.0");
      client.sendEncrypted(
          new YamuxHeader(YamuxHeader.Type.DATA, YamuxHeader.SYN, 1, 1 << 20).encode());
      assertTrue(client.closedByRemote());
    }
    refusedOnceAndNothingLeaks(
        "yamux: data frame of 1048576 bytes exceeds the receive window of 262144 bytes");
  }

  @Test
  void anOversizeWebSocketFrameIsRefused() throws Exception {
    List<Multiaddr.Component> parts = ws.components();
    try (Socket socket = new Socket(parts.get(0).value(), Integer.parseInt(parts.get(1).value()))) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var in = socket.getInputStream();
      StringBuilder response = new StringBuilder();
      while (!response.toString().endsWith("\r\n\r\n")) {
        response.append((char) in.read());
      }
      assertTrue(response.toString().startsWith("HTTP/1.1 101"), response.toString());
      // a masked binary frame announcing 1 MiB (64-bit length form)
      out.write(new byte[] {(byte) 0x82, (byte) 0xFF, 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4});
      out.flush();
      while (in.read() >= 0) {
        // a close frame, then the end
      }
    }
    refusedOnceAndNothingLeaks("Max frame length of 65536 has been exceeded");
  }

  @Test
  void aHalfOpenConnectionIsClosedByKeepAlive() throws Exception {
    Libp2pHost client = host(OPTIONS);
    CompletableFuture<Connection> serverSideClosed = new CompletableFuture<>();
    server.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void closed(Connection connection) {
            serverSideClosed.complete(connection);
          }
        });
    int port = Integer.parseInt(tcp.components().get(1).value());
    try (BlackholeProxy proxy = new BlackholeProxy(port)) {
      Connection connection =
          client
              .dial(
                  Multiaddr.parse("/ip4/127.0.0.1/tcp/" + proxy.port() + "/p2p/" + server.peerId()))
              .get(10, TimeUnit.SECONDS);
      client.ping(connection).get(10, TimeUnit.SECONDS);
      proxy.swallow();
      connection.closeFuture().get(20, TimeUnit.SECONDS);
      assertEquals(client.peerId(), serverSideClosed.get(20, TimeUnit.SECONDS).remotePeer());
    }
    // each side detects it on its own and says so once
    refusedOnceAndNothingLeaks(
        "("
            + client.peerId()
            + "): no answer to the keep-alive ping within 300 ms: the connection is half-open");
    assertEquals(
        1, logs.warnings("(" + server.peerId() + "): no answer to the keep-alive ping").size());
    Await.until(
        "the client lets go too",
        () -> client.stats().channels() == 0 && client.stats().connections() == 0,
        () -> client.stats().toString());
  }

  @Test
  void aDialToTheWrongPeerIsRefused() throws Exception {
    Libp2pHost client = host(OPTIONS);
    KeyPair other = KeyPair.generate();
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> client.dial(tcp.withPeerId(other.peerId())).get(10, TimeUnit.SECONDS));
    assertInstanceOf(ConnectionClosedException.class, e.getCause());
    assertEquals(
        "dialed " + other.peerId() + " but the remote proved to be " + server.peerId(),
        e.getCause().getMessage());
    Await.until(
        "the client lets go",
        () -> client.stats().channels() == 0,
        () -> client.stats().toString());
    Await.until(
        "the server lets go",
        () -> server.stats().channels() == 0,
        () -> server.stats().toString());
  }

  @Test
  void inboundConnectionsOverTheLimitAreRefused() throws Exception {
    server.close();
    server = host(OPTIONS.withMaxInboundConnections(1));
    Multiaddr address =
        server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    Connection first = host(OPTIONS).dial(address).get(10, TimeUnit.SECONDS);
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> host(OPTIONS).dial(address).get(10, TimeUnit.SECONDS));
    assertInstanceOf(ConnectionClosedException.class, e.getCause());
    Await.until(
        "the refusal is logged",
        () -> !logs.warnings("1 inbound connections already open (limit 1)").isEmpty(),
        () -> logs.allWarnings().toString());
    assertTrue(first.isOpen());
    first.close().get(10, TimeUnit.SECONDS);
    refusedOnceAndNothingLeaks("1 inbound connections already open (limit 1)");
  }

  @Test
  void anOversizeMessageResetsItsStreamButNotTheConnection() throws Exception {
    CompletableFuture<Throwable> serverError = new CompletableFuture<>();
    server.handle(
        "/gyre/particle/1.0.0",
        stream ->
            MessageStream.of(stream, 1024)
                .read(
                    new MessageReader() {
                      @Override
                      public void onMessage(byte[] message) {}

                      @Override
                      public void onError(io.gyre.net.NetException cause) {
                        serverError.complete(cause);
                      }
                    }));
    Libp2pHost client = host(OPTIONS);
    Connection connection = client.dial(tcp).get(10, TimeUnit.SECONDS);
    Stream stream = connection.openStream("/gyre/particle/1.0.0").get(10, TimeUnit.SECONDS);
    CompletableFuture<Throwable> clientSaw = new CompletableFuture<>();
    stream.read(
        new StreamReader() {
          @Override
          public void onData(byte[] bytes) {}

          @Override
          public void onReset(io.gyre.net.NetException cause) {
            clientSaw.complete(cause);
          }
        });
    // the sender's own MessageStream would refuse this; write the frame by hand
    stream.write(LengthPrefixedDecoder.encode(new byte[2000]));
    assertEquals(
        "message of 2000 bytes exceeds the limit of 1024 bytes",
        serverError.get(10, TimeUnit.SECONDS).getMessage());
    assertInstanceOf(StreamResetException.class, clientSaw.get(10, TimeUnit.SECONDS));
    assertTrue(
        client.ping(connection).get(10, TimeUnit.SECONDS).toNanos() > 0, "the connection lives on");
    ExecutionException ownSide =
        assertThrows(
            ExecutionException.class,
            () ->
                MessageStream.of(
                        connection.openStream("/gyre/particle/1.0.0").get(10, TimeUnit.SECONDS),
                        1024)
                    .send(new byte[2000])
                    .get(10, TimeUnit.SECONDS));
    assertEquals(
        "message of 2000 bytes exceeds the limit of 1024 bytes on /gyre/particle/1.0.0",
        ownSide.getCause().getMessage());
    assertEquals(
        1,
        logs.warnings("message of 2000 bytes exceeds the limit of 1024 bytes; resetting the stream")
            .size());
    connection.close().get(10, TimeUnit.SECONDS);
    refusedOnceAndNothingLeaks(
        "message of 2000 bytes exceeds the limit of 1024 bytes; resetting the stream");
  }

  @Test
  void closingAHostEndsItsThreads() throws Exception {
    Libp2pHost client = host(OPTIONS.withIoThreads(2));
    Connection connection = client.dial(tcp).get(10, TimeUnit.SECONDS);
    assertTrue(Await.netThreads() >= 2);
    client.close();
    connection.closeFuture().get(10, TimeUnit.SECONDS);
    server.close();
    Await.until(
        "no gyre-net thread is left",
        () -> Await.netThreads() == 0,
        () -> Await.netThreads() + " threads");
    assertThrows(IllegalStateException.class, () -> client.dial(tcp));
  }
}
