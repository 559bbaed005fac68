package io.gyre.net.libp2p;

import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.net.Connection;
import io.gyre.net.ConnectionClosedException;
import io.gyre.net.ConnectionListener;
import io.gyre.net.Host;
import io.gyre.net.InvalidMultiaddrException;
import io.gyre.net.Multiaddr;
import io.gyre.net.NetException;
import io.gyre.net.StreamHandler;
import io.gyre.net.libp2p.config.HostOptions;
import io.gyre.net.libp2p.identify.Identify;
import io.gyre.net.libp2p.identify.IdentifyMessage;
import io.gyre.net.libp2p.internal.ConnectionUpgrader;
import io.gyre.net.libp2p.internal.HostContext;
import io.gyre.net.libp2p.ping.Ping;
import io.gyre.net.libp2p.transport.TcpTransport;
import io.gyre.net.libp2p.transport.Transport;
import io.gyre.net.libp2p.transport.WebSocketTransport;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libp2p host on Netty: TCP and WebSocket transports, multistream-select, Noise XX, Yamux,
 * identify and ping, interoperable with js-libp2p and go-libp2p. Created with the peer's {@link
 * KeyPair}; it serves {@code /ipfs/id/1.0.0} and {@code /ipfs/ping/1.0.0} from the start.
 *
 * <pre>{@code
 * try (Libp2pHost host = Libp2pHost.create(keyPair)) {
 *   host.handle("/gyre/echo/1.0.0", stream -> stream.read(bytes -> stream.write(bytes)));
 *   Multiaddr bound = host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).join();
 *   Connection c = host.dial(Multiaddr.parse("/ip4/10.0.0.2/tcp/7400/p2p/12D3KooW…")).join();
 *   Stream s = c.openStream("/gyre/echo/1.0.0").join();
 * }
 * }</pre>
 *
 * <p>All I/O runs on {@link HostOptions#ioThreads()} Netty threads named {@code gyre-net-…};
 * callbacks (stream readers, handlers, listeners) run on them and must not block. {@link #close()}
 * stops them all.
 */
public final class Libp2pHost implements Host {
  private static final Logger log = LoggerFactory.getLogger(Libp2pHost.class);
  public static final String PROTOCOL_VERSION = "ipfs/0.1.0";

  private final HostContext context;
  private final EventLoopGroup group;
  private final List<Transport> transports;
  private final List<Channel> servers = new CopyOnWriteArrayList<>();
  private final List<Multiaddr> listenAddresses = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private Libp2pHost(KeyPair identity, HostOptions options) {
    this.context = new HostContext(identity, options);
    this.group =
        new NioEventLoopGroup(options.ioThreads(), new DefaultThreadFactory("gyre-net", true));
    int connectTimeout = (int) options.handshakeTimeout().toMillis();
    this.transports =
        List.of(
            new TcpTransport(group, connectTimeout),
            new WebSocketTransport(
                group,
                connectTimeout,
                options.maxWebSocketFrame(),
                options.handshakeTimeout().toMillis()));
    handle(Identify.PROTOCOL, Identify.responder(this::identifyMessage));
    handle(Ping.PROTOCOL, Ping.responder());
  }

  public static Libp2pHost create(KeyPair identity) {
    return new Libp2pHost(identity, HostOptions.defaults());
  }

  public static Libp2pHost create(KeyPair identity, HostOptions options) {
    return new Libp2pHost(identity, options);
  }

  @Override
  public PeerId peerId() {
    return context.identity().peerId();
  }

  public HostOptions options() {
    return context.options();
  }

  @Override
  public CompletableFuture<Multiaddr> listen(Multiaddr address) {
    checkOpen();
    Transport transport = transportFor(address);
    return transport
        .listen(
            address.withoutPeerId(),
            channel -> setUp(channel, transport, Optional.empty(), new CompletableFuture<>()))
        .handle(
            (server, error) -> {
              if (error != null) {
                throw new CompletionException(
                    new NetException(
                        "cannot listen on " + address + ": " + rootMessage(error), error));
              }
              servers.add(server);
              Multiaddr bound = transport.boundAddress(server).withPeerId(peerId());
              listenAddresses.add(bound);
              log.info("listening on {}", bound);
              return bound;
            });
  }

  @Override
  public List<Multiaddr> listenAddresses() {
    return List.copyOf(listenAddresses);
  }

  @Override
  public CompletableFuture<Connection> dial(Multiaddr address) {
    checkOpen();
    Transport transport = transportFor(address);
    Optional<PeerId> expected = address.peerId();
    if (expected.isPresent() && expected.get().equals(peerId())) {
      return CompletableFuture.failedFuture(
          new ConnectionClosedException("refusing to dial self at " + address));
    }
    CompletableFuture<Connection> result = new CompletableFuture<>();
    transport
        .dial(address.withoutPeerId(), channel -> setUp(channel, transport, expected, result))
        .whenComplete(
            (channel, error) -> {
              if (error != null) {
                result.completeExceptionally(
                    new ConnectionClosedException(
                        "cannot connect to " + address + ": " + error.getMessage(), error));
              }
            });
    return result;
  }

  /** Asks the remote of {@code connection} who it is ({@code /ipfs/id/1.0.0}). */
  public CompletableFuture<IdentifyMessage> identify(Connection connection) {
    return Identify.request(connection);
  }

  /** One {@code /ipfs/ping/1.0.0} round trip. */
  public CompletableFuture<Duration> ping(Connection connection) {
    return Ping.ping(connection);
  }

  @Override
  public void handle(String protocol, StreamHandler handler) {
    context.protocols().put(protocol, handler);
  }

  @Override
  public void unhandle(String protocol) {
    context.protocols().remove(protocol);
  }

  @Override
  public List<String> protocols() {
    return context.protocols().ids();
  }

  @Override
  public List<Connection> connections() {
    return context.connections();
  }

  @Override
  public void addConnectionListener(ConnectionListener listener) {
    context.listeners().add(listener);
  }

  @Override
  public void removeConnectionListener(ConnectionListener listener) {
    context.listeners().remove(listener);
  }

  /** Counts for metrics and leak checks. */
  public HostStats stats() {
    return new HostStats(
        servers.size(),
        context.channels().size(),
        context.connections().size(),
        context.openStreams());
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Channel server : servers) {
      server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    servers.clear();
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (Connection connection : context.connections()) {
      closing.add(connection.close());
    }
    for (Channel channel : context.channels()) {
      channel.close();
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("connections did not close within 5 s: {}", e.toString());
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    log.info("host {} closed", peerId());
  }

  private void setUp(
      Channel channel,
      Transport transport,
      Optional<PeerId> expected,
      CompletableFuture<Connection> result) {
    channel
        .pipeline()
        .addLast(
            ConnectionUpgrader.NAME, new ConnectionUpgrader(context, transport, expected, result));
  }

  private IdentifyMessage identifyMessage(Connection connection) {
    return new IdentifyMessage(
        peerId(),
        PROTOCOL_VERSION,
        context.options().agentVersion(),
        listenAddresses(),
        protocols(),
        Optional.of(connection.remoteAddress()));
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  private Transport transportFor(Multiaddr address) {
    return transports.stream()
        .filter(t -> t.supports(address))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidMultiaddrException(
                    "no transport for "
                        + address
                        + " (supported: /ip4|ip6|dns|dns4|dns6/…/tcp/…[/ws])"));
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the host is closed");
    }
  }
}
