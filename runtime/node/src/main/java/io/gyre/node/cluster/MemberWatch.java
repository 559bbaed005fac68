package io.gyre.node.cluster;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the cluster's members to {@link RememberedMembers} whenever one comes up or is removed
 * (while there are at least two), and warns when this node is alone while it remembers others —
 * unless those left on purpose (a graceful leave) or this node is leaving itself: stopping a
 * cluster is not a split.
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
          // The members that are up, from the events themselves (the cluster's state view may lag
          // behind them); whether the "alone" warning was given since this node last had company.
          Set<String> up = new TreeSet<>();
          Set<String> departed = new TreeSet<>();
          boolean[] warned = {false};
          // From the events too: this node's own Leaving can arrive before its state view shows it.
          boolean[] selfLeaving = {false};
          return Behaviors.receive(Command.class)
              .onMessage(
                  Changed.class,
                  changed -> {
                    Member member = changed.event().member();
                    String address = hostPort(member.address());
                    if (member.address().equals(cluster.selfMember().address())
                        && member.status() != MemberStatus.up()
                        && member.status() != MemberStatus.joining()
                        && member.status() != MemberStatus.weaklyUp()) {
                      selfLeaving[0] = true;
                    }
                    if (member.status() == MemberStatus.up()) {
                      up.add(address);
                      departed.remove(address);
                    } else {
                      up.remove(address);
                      if (leftOnPurpose(changed.event())) {
                        departed.add(address);
                      }
                    }
                    if (up.size() > 1) {
                      remembered.remember(up);
                      warned[0] = false;
                      return Behaviors.same();
                    }
                    // Alone: keep the list, so a restart rejoins them and this is seen.
                    List<String> others =
                        remembered.others(hostPort(cluster.selfMember().address())).stream()
                            .filter(other -> !departed.contains(other))
                            .toList();
                    if (!others.isEmpty() && !warned[0] && !selfLeaving[0]) {
                      warned[0] = true;
                      context
                          .getLog()
                          .warn(
                              "this node is alone in its cluster but remembers the members {}:"
                                  + " they are not in this cluster (start with --seed to join"
                                  + " them)",
                              others);
                    }
                    return Behaviors.same();
                  })
              .build();
        });
  }

  /** A member that asked to leave (and was let go), as opposed to one that was lost. */
  private static boolean leftOnPurpose(ClusterEvent.MemberEvent event) {
    return event instanceof ClusterEvent.MemberLeft
        || event instanceof ClusterEvent.MemberExited
        || (event instanceof ClusterEvent.MemberRemoved removed
            && removed.previousStatus() == MemberStatus.exiting());
  }

  static String hostPort(akka.actor.Address address) {
    return address.getHost().orElse("") + ":" + address.getPort().orElse(0);
  }
}
