package io.gyre.node.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the cluster's members to {@link RememberedMembers} whenever one comes up or is removed.
 */
public final class MemberWatch {
  public interface Command {}

  private record Changed(ClusterEvent.MemberEvent event) implements Command {}

  private MemberWatch() {}

  public static Behavior<Command> create(RememberedMembers remembered) {
    return Behaviors.setup(
        context -> {
          Cluster cluster = Cluster.get(context.getSystem());
          ActorRef<ClusterEvent.MemberEvent> adapter =
              context.messageAdapter(ClusterEvent.MemberEvent.class, Changed::new);
          cluster.subscriptions().tell(Subscribe.create(adapter, ClusterEvent.MemberEvent.class));
          return Behaviors.receive(Command.class)
              .onMessage(
                  Changed.class,
                  changed -> {
                    List<String> up = new ArrayList<>();
                    for (Member member : cluster.state().getMembers()) {
                      if (member.status() == MemberStatus.up()) {
                        up.add(hostPort(member.address()));
                      }
                    }
                    if (!up.isEmpty()) {
                      remembered.remember(up);
                    }
                    return Behaviors.same();
                  })
              .build();
        });
  }

  static String hostPort(akka.actor.Address address) {
    return address.getHost().orElse("") + ":" + address.getPort().orElse(0);
  }
}
