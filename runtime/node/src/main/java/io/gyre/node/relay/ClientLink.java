package io.gyre.node.relay;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleError;
import io.gyre.node.metrics.NodeMetrics.RefusalReason;
import io.gyre.node.particle.ParticleInbox;
import java.time.Clock;
import java.util.Optional;

/**
 * One attached client, as its relay sees it: particles it sends go through {@link ClientAdmission}
 * to the relay peer's inbox; particles the node's peers route to it (through {@link RelayRoutes})
 * go down its connection; refusals and particles with no route become {@link ParticleError}s to it.
 * It owns the client's admission state, so its rules need no locks. It stops when the connection
 * closes.
 */
public final class ClientLink extends AbstractBehavior<ClientLink.Command> {

  public interface Command {}

  /** A particle the client sent (decoded on the connection's thread). */
  public record FromClient(Particle particle) implements Command {}

  /** The client's connection closed. */
  public enum Detach implements Command {
    INSTANCE
  }

  /** What the node's peers send the client (they see this link as the client's inbox). */
  private record FromCluster(ParticleInbox.Command message) implements Command {}

  private record Refused(ParticleInbox.ClientRefused refusal) implements Command {}

  private final ClientConnection connection;
  private final String clientId;
  private final String relayId;
  private final ActorRef<ParticleInbox.Command> relayInbox;
  private final AttachedClients clients;
  private final RelayMetrics metrics;
  private final Clock clock;
  private final ClientAdmission admission;
  private final ActorRef<ParticleInbox.ClientRefused> refusals;

  static Behavior<Command> create(
      ClientConnection connection,
      String relayId,
      ActorRef<ParticleInbox.Command> relayInbox,
      AttachedClients clients,
      RelaySettings limits,
      RelayMetrics metrics,
      Clock clock) {
    return Behaviors.setup(
        context ->
            new ClientLink(
                context, connection, relayId, relayInbox, clients, limits, metrics, clock));
  }

  private ClientLink(
      ActorContext<Command> context,
      ClientConnection connection,
      String relayId,
      ActorRef<ParticleInbox.Command> relayInbox,
      AttachedClients clients,
      RelaySettings limits,
      RelayMetrics metrics,
      Clock clock) {
    super(context);
    this.connection = connection;
    this.clientId = connection.clientId().base58();
    this.relayId = relayId;
    this.relayInbox = relayInbox;
    this.clients = clients;
    this.metrics = metrics;
    this.clock = clock;
    this.admission = new ClientAdmission(clientId, limits, clock.millis());
    this.refusals = context.messageAdapter(ParticleInbox.ClientRefused.class, Refused::new);
    ActorRef<ParticleInbox.Command> route =
        context.messageAdapter(ParticleInbox.Command.class, FromCluster::new);
    clients.attach(clientId, new AttachedClients.Attachment(route, context.getSelf()));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(FromClient.class, this::onFromClient)
        .onMessage(FromCluster.class, this::onFromCluster)
        .onMessage(Refused.class, this::onRefused)
        .onMessage(Detach.class, detach -> onDetach())
        .build();
  }

  private Behavior<Command> onFromClient(FromClient fromClient) {
    Particle particle = fromClient.particle();
    metrics.received.inc();
    Optional<ParticleError> refused = admission.admit(particle, clock.millis());
    if (refused.isPresent()) {
      tell(refused.get());
      getContext()
          .getLog()
          .warn("refused particle {} from client {}: {}", particle.id(), clientId, refused.get());
    } else {
      relayInbox.tell(new ParticleInbox.FromClient(particle, clientId, refusals));
    }
    return this;
  }

  private Behavior<Command> onFromCluster(FromCluster fromCluster) {
    if (fromCluster.message() instanceof ParticleInbox.Deliver deliver) {
      admission.delivered(deliver.particle(), clock.millis());
      connection.deliver(deliver.particle());
      metrics.delivered.inc();
    } else if (fromCluster.message() instanceof ParticleInbox.NoRoute noRoute) {
      // A peer could not send this client's particle on: the client learns it now, not at the TTL.
      tell(new ParticleError(noRoute.particleId(), ParticleError.Code.NO_ROUTE, noRoute.message()));
    }
    return this;
  }

  private Behavior<Command> onRefused(Refused refused) {
    ParticleInbox.ClientRefused refusal = refused.refusal();
    tell(new ParticleError(refusal.particleId(), code(refusal.reason()), refusal.message()));
    return this;
  }

  private Behavior<Command> onDetach() {
    clients.detach(clientId, getContext().getSelf());
    return Behaviors.stopped();
  }

  private void tell(ParticleError error) {
    metrics.error(error.code());
    connection.sendError(error);
  }

  private static ParticleError.Code code(RefusalReason reason) {
    return switch (reason) {
      case BAD_SIGNATURE, BAD_DATA_SIGNATURE -> ParticleError.Code.BAD_SIGNATURE;
      case EXPIRED -> ParticleError.Code.EXPIRED;
      case TOO_LARGE -> ParticleError.Code.TOO_LARGE;
      case MALFORMED -> ParticleError.Code.MALFORMED;
      case OVERLOADED -> ParticleError.Code.OVERLOADED;
      case SHUTTING_DOWN -> ParticleError.Code.SHUTTING_DOWN;
    };
  }
}
