package io.gyre.node.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.receptionist.Receptionist;
import io.gyre.node.particle.ParticleInbox;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps {@link KnownPeers} in step with the cluster: every peer's particle inbox is registered with
 * the Receptionist under {@link ParticleInbox#PEERS}, named by its peer id.
 */
public final class PeerDirectory {
  public interface Command {}

  private record ListingChanged(Receptionist.Listing listing) implements Command {}

  private PeerDirectory() {}

  public static Behavior<Command> create(KnownPeers known) {
    return Behaviors.setup(
        context -> {
          ActorRef<Receptionist.Listing> adapter =
              context.messageAdapter(Receptionist.Listing.class, ListingChanged::new);
          context
              .getSystem()
              .receptionist()
              .tell(Receptionist.subscribe(ParticleInbox.PEERS, adapter));
          return Behaviors.receive(Command.class)
              .onMessage(
                  ListingChanged.class,
                  changed -> {
                    Map<String, ActorRef<ParticleInbox.Command>> inboxes = new HashMap<>();
                    for (ActorRef<ParticleInbox.Command> inbox :
                        changed.listing().getServiceInstances(ParticleInbox.PEERS)) {
                      inboxes.put(inbox.path().name(), inbox);
                    }
                    known.replace(inboxes);
                    context.getLog().debug("known peers: {}", inboxes.keySet());
                    return Behaviors.same();
                  })
              .build();
        });
  }
}
