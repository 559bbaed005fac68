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
 * Writes the cluster's members to {@link RememberedMembers} whenever one comes up or is removed
 * (while there are at least two), and warns when this node is alone while it remembers others.
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
                    if (up.size() > 1) {
                      remembered.remember(up);
                    } else {
                      // Alone: keep the list, so a restart rejoins them and this is seen.
                      List<String> others =
                          remembered.others(hostPort(cluster.selfMember().address()));
                      if (!others.isEmpty()) {
                        context
                            .getLog()
                            .warn(
                                "this node is alone in its cluster but remembers the members {}:"
                                    + " they are not in this cluster (start with --seed to join"
                                    + " them)",
                                others);
                      }
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
