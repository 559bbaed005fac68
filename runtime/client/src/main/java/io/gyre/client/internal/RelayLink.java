package io.gyre.client.internal;

import io.gyre.air.particle.MalformedParticleException;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleCodec;
import io.gyre.air.particle.ParticleError;
import io.gyre.client.ConnectFailed;
import io.gyre.identity.KeyPair;
import io.gyre.identity.PeerId;
import io.gyre.net.Connection;
import io.gyre.net.ConnectionListener;
import io.gyre.net.Multiaddr;
import io.gyre.net.framing.MessageReader;
import io.gyre.net.framing.MessageStream;
import io.gyre.net.libp2p.Libp2pHost;
import io.gyre.net.libp2p.config.HostOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's connection to its relay: it dials one of the known relays, keeps one particle stream
 * open to it (the relay may also open its own), hears the relay's errors, and when the connection
 * drops tries the relays again, the next one first, with exponential back-off and jitter, until one
 * answers or it is closed.
 */
public final class RelayLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RelayLink.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(100);

  /** What the link tells its client. Called on network threads: do not block. */
  public interface Listener {
    void particle(Particle particle);

    void error(ParticleError error);

    void connected(PeerId relay);

    void disconnected(PeerId relay, String why);
  }

  private record Current(Connection connection, MessageStream particles, int relayIndex) {}

  private final List<Multiaddr> relays;
  private final Listener listener;
  private final ScheduledExecutorService timer;
  private final Duration maxBackoff;
  private final int maxMessageBytes;
  private final Libp2pHost host;
  private volatile Optional<Current> current = Optional.empty();
  private volatile String lastRefusal = "";
  private volatile boolean closed;

  public RelayLink(
      KeyPair key,
      List<Multiaddr> relays,
      Listener listener,
      ScheduledExecutorService timer,
      Duration maxBackoff,
      int maxMessageBytes) {
    this.relays = List.copyOf(relays);
    this.listener = listener;
    this.timer = timer;
    this.maxBackoff = maxBackoff;
    this.maxMessageBytes = maxMessageBytes;
    this.host =
        Libp2pHost.create(key, HostOptions.defaults().withAgentVersion("gyre-client/0.1.0"));
    host.handle(ParticleCodec.PROTOCOL, stream -> read(MessageStream.of(stream, maxMessageBytes)));
    host.handle(
        ParticleError.PROTOCOL,
        stream -> MessageStream.of(stream, 64 * 1024).read(this::onErrorMessage));
    host.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void closed(Connection connection) {
            onClosed(connection);
          }
        });
  }

  /**
   * Connects to the first relay that answers, in order.
   *
   * @throws ConnectFailed naming each relay and why it did not answer
   */
  public PeerId connect(Duration timeout) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < relays.size(); i++) {
      try {
        return attempt(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ConnectFailed("interrupted while connecting", e);
      } catch (Exception e) {
        failures.add(relays.get(i) + ": " + reason(e));
      }
    }
    throw new ConnectFailed("no relay answered: " + String.join("; ", failures), null);
  }

  /** The relay connected to now. */
  public Optional<PeerId> relay() {
    return current.map(c -> c.connection().remotePeer());
  }

  /** Sends a particle to the relay; false when there is no connection to send it on. */
  public boolean send(Particle particle) {
    Optional<Current> now = current;
    if (now.isEmpty()) {
      return false;
    }
    now.get()
        .particles()
        .send(ParticleCodec.encode(particle))
        .whenComplete(
            (done, error) -> {
              if (error != null) {
                LOG.debug("particle {} not sent: {}", particle.id(), error.toString());
              }
            });
    return true;
  }

  private CompletableFuture<PeerId> attempt(int index) {
    lastRefusal = "";
    Multiaddr address = relays.get(index);
    return host.dial(address)
        .thenCompose(
            connection ->
                connection
                    .openStream(ParticleCodec.PROTOCOL)
                    .whenComplete(
                        (stream, error) -> {
                          if (error != null) {
                            connection.close(); // a relay that refused us: leave nothing open
                          }
                        })
                    .thenApply(
                        stream -> {
                          MessageStream particles = MessageStream.of(stream, maxMessageBytes);
                          read(particles);
                          current = Optional.of(new Current(connection, particles, index));
                          if (!connection.isOpen()) {
                            throw new IllegalStateException("the relay closed the connection");
                          }
                          LOG.info("connected to relay {}", address);
                          listener.connected(connection.remotePeer());
                          return connection.remotePeer();
                        }));
  }

  private void read(MessageStream particles) {
    particles.read(
        new MessageReader() {
          @Override
          public void onMessage(byte[] message) {
            try {
              listener.particle(ParticleCodec.decode(message));
            } catch (MalformedParticleException e) {
              LOG.warn("the relay sent bytes that are not a particle: {}", e.getMessage());
            }
          }
        });
  }

  private void onErrorMessage(byte[] message) {
    try {
      ParticleError error = ParticleError.decode(message);
      if (error.particleId().isEmpty()) {
        lastRefusal = error.toString();
        LOG.warn("relay: {}", error);
      } else {
        listener.error(error);
      }
    } catch (MalformedParticleException e) {
      LOG.warn("the relay sent a malformed error: {}", e.getMessage());
    }
  }

  private void onClosed(Connection connection) {
    Optional<Current> was = current;
    if (was.isEmpty() || was.get().connection() != connection) {
      return;
    }
    current = Optional.empty();
    String why =
        "the connection to relay "
            + connection.remotePeer()
            + " was lost"
            + (lastRefusal.isEmpty() ? "" : " (" + lastRefusal + ")");
    listener.disconnected(connection.remotePeer(), why);
    if (!closed) {
      LOG.warn("{}; reconnecting", why);
      reconnect(was.get().relayIndex() + 1, 0);
    }
  }

  /** Attempt {@code attempt} (from 0) at the relay {@code index} (modulo the list). */
  private void reconnect(int index, int attempt) {
    if (closed) {
      return;
    }
    long delay = backoffMs(attempt);
    timer.schedule(
        () -> {
          int relay = Math.floorMod(index, relays.size());
          attempt(relay)
              .whenComplete(
                  (peer, error) -> {
                    if (error != null) {
                      LOG.info("relay {} did not answer: {}", relays.get(relay), reason(error));
                      reconnect(relay + 1, attempt + 1);
                    }
                  });
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  private long backoffMs(int attempt) {
    if (attempt == 0) {
      return 0;
    }
    long base =
        Math.min(maxBackoff.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt - 1, 20));
    return base + ThreadLocalRandom.current().nextLong(base / 4 + 1);
  }

  private String reason(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null
        && (root instanceof java.util.concurrent.ExecutionException
            || root instanceof java.util.concurrent.CompletionException)) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.toString() : root.getMessage();
    return lastRefusal.isEmpty() ? text : lastRefusal;
  }

  @Override
  public void close() {
    closed = true;
    host.close();
  }
}
