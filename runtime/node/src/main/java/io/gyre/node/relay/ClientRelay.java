package io.gyre.node.relay;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Props;
import io.gyre.air.particle.MalformedParticleException;
import io.gyre.air.particle.ParticleCodec;
import io.gyre.air.particle.ParticleError;
import io.gyre.identity.KeyPair;
import io.gyre.net.Connection;
import io.gyre.net.ConnectionListener;
import io.gyre.net.Multiaddr;
import io.gyre.net.NetException;
import io.gyre.net.Stream;
import io.gyre.net.framing.FramingException;
import io.gyre.net.framing.MessageReader;
import io.gyre.net.framing.MessageStream;
import io.gyre.net.libp2p.Libp2pHost;
import io.gyre.net.libp2p.config.HostOptions;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.particle.ParticleInbox;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A peer's door for clients: a libp2p host with the peer's own key, listening on TCP and WebSocket,
 * serving {@code /gyre/particle/1.0.0}. Each connection is a client (the identity its Noise
 * handshake proved) with its {@link ClientLink}; bytes that are not a particle, or too many, are
 * refused here, with a {@link ParticleError} to the client, before any actor sees them. A
 * connection beyond {@code max-clients} is told {@code too_many_clients} and closed.
 */
public final class ClientRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClientRelay.class);

  /** Room in a particle message for its header beyond script and data. */
  private static final int HEADER_ROOM = 64 * 1024;

  /** Connections the host itself accepts beyond max-clients, to tell them why they are refused. */
  private static final int REFUSAL_ROOM = 16;

  private record Attached(ClientConnection client, ActorRef<ClientLink.Command> link) {}

  private final RelaySettings settings;
  private final String relayId;
  private final ActorSystem<?> system;
  private final ActorRef<ParticleInbox.Command> relayInbox;
  private final AttachedClients clients;
  private final RelayMetrics metrics;
  private final Clock clock;
  private final Libp2pHost host;
  private final int maxMessageBytes;
  private final Map<Connection, Attached> connections = new ConcurrentHashMap<>();
  private final AtomicLong linksMade = new AtomicLong();

  private ClientRelay(
      RelaySettings settings,
      KeyPair relayKey,
      ActorSystem<?> system,
      ActorRef<ParticleInbox.Command> relayInbox,
      AttachedClients clients,
      NodeMetrics metrics,
      Clock clock) {
    this.settings = settings;
    this.relayId = relayKey.peerId().base58();
    this.system = system;
    this.relayInbox = relayInbox;
    this.clients = clients;
    this.metrics = new RelayMetrics(metrics, clients);
    this.clock = clock;
    this.maxMessageBytes =
        (int) Math.min(Integer.MAX_VALUE, settings.maxParticleBytes() + HEADER_ROOM);
    this.host =
        Libp2pHost.create(
            relayKey,
            HostOptions.defaults()
                .withMaxInboundConnections(settings.maxClients() + REFUSAL_ROOM)
                .withAgentVersion("gyre-relay/0.1.0"));
    host.handle(ParticleCodec.PROTOCOL, this::onParticleStream);
    host.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void opened(Connection connection) {
            onOpened(connection);
          }

          @Override
          public void closed(Connection connection) {
            onClosed(connection);
          }
        });
  }

  /**
   * Listens on the settings' TCP and WebSocket addresses and serves clients of the peer whose key
   * is {@code relayKey} and whose inbox is {@code relayInbox}.
   *
   * @throws IllegalStateException when an address cannot be listened on (a port in use)
   */
  public static ClientRelay start(
      RelaySettings settings,
      KeyPair relayKey,
      ActorSystem<?> system,
      ActorRef<ParticleInbox.Command> relayInbox,
      AttachedClients clients,
      NodeMetrics metrics,
      Clock clock) {
    ClientRelay relay =
        new ClientRelay(settings, relayKey, system, relayInbox, clients, metrics, clock);
    try {
      for (Multiaddr address : settings.listenAddresses()) {
        relay.host.listen(address).get(30, TimeUnit.SECONDS);
      }
      return relay;
    } catch (ExecutionException | TimeoutException e) {
      relay.close();
      String why = e instanceof ExecutionException ? e.getCause().getMessage() : "timed out";
      throw new IllegalStateException(
          "clients: " + why + " (set gyre.node.client.tcp-port and ws-port; 0 picks a free port)",
          e);
    } catch (InterruptedException e) {
      relay.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listening for clients", e);
    }
  }

  /** Where clients reach this peer: full multiaddrs ending in {@code /p2p/<peer id>}. */
  public List<Multiaddr> addresses() {
    return host.listenAddresses();
  }

  private void onOpened(Connection connection) {
    ClientConnection client =
        new ClientConnection(connection, maxMessageBytes, messages -> read(connection, messages));
    if (connections.size() >= settings.maxClients()) {
      refuse(client);
      return;
    }
    String clientId = client.clientId().base58();
    ActorRef<ClientLink.Command> link =
        system.systemActorOf(
            ClientLink.create(client, relayId, relayInbox, clients, settings, metrics, clock),
            "client-" + clientId + "-" + linksMade.incrementAndGet(),
            Props.empty());
    connections.put(connection, new Attached(client, link));
    LOG.debug("client {} attached from {}", clientId, connection.remoteAddress());
  }

  private void refuse(ClientConnection client) {
    ParticleError error =
        new ParticleError(
            "",
            ParticleError.Code.TOO_MANY_CLIENTS,
            "relay " + relayId + " serves its limit of " + settings.maxClients() + " clients");
    metrics.error(error.code());
    LOG.warn("refused client {}: {}", client.clientId(), error.message());
    client.sendError(error).whenComplete((done, failure) -> client.close());
  }

  private void onClosed(Connection connection) {
    Attached gone = connections.remove(connection);
    if (gone != null) {
      gone.link().tell(ClientLink.Detach.INSTANCE);
    }
  }

  private void onParticleStream(Stream stream) {
    Attached attached = connections.get(stream.connection());
    if (attached == null) {
      stream.reset(); // a refused connection, about to close
      return;
    }
    attached.client().clientOpened(stream);
  }

  /** Reads a client's particle stream on its connection's thread; decodes, hands to the link. */
  private void read(Connection connection, MessageStream messages) {
    messages.read(
        new MessageReader() {
          @Override
          public void onMessage(byte[] message) {
            Attached attached = connections.get(connection);
            if (attached == null) {
              return;
            }
            try {
              attached.link().tell(new ClientLink.FromClient(ParticleCodec.decode(message)));
            } catch (MalformedParticleException e) {
              tell(
                  attached.client(),
                  new ParticleError(
                      "", ParticleError.Code.MALFORMED, "not a particle: " + e.getMessage()));
            }
          }

          @Override
          public void onError(NetException cause) {
            Attached attached = connections.get(connection);
            if (attached != null && cause instanceof FramingException) {
              tell(
                  attached.client(),
                  new ParticleError(
                      "",
                      cause.getMessage().contains("exceeds")
                          ? ParticleError.Code.TOO_LARGE
                          : ParticleError.Code.MALFORMED,
                      cause.getMessage() + "; the particle stream was reset"));
            }
          }
        });
  }

  private void tell(ClientConnection client, ParticleError error) {
    metrics.error(error.code());
    LOG.warn("client {}: {}", client.clientId(), error);
    client.sendError(error);
  }

  @Override
  public void close() {
    host.close();
  }
}
