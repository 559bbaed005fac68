package io.gyre.node;

import akka.Done;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import io.gyre.node.actor.AskReplies;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.particle.ParticleInbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's part in coordinated shutdown (stop(), SIGTERM): before it leaves the cluster, every peer
 * stops taking particles and waits up to the drain timeout for those it holds to finish.
 */
final class GracefulLeave {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulLeave.class);

  private GracefulLeave() {}

  static void register(
      ActorSystem<?> system, List<HostedPeer> peers, Duration drainTimeout, NodeMetrics metrics) {
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseServiceRequestsDone(),
            "gyre-finish-held-particles",
            () -> {
              LOG.info(
                  "leaving: taking no new particles, finishing the {} held",
                  metrics.particlesInFlight.get());
              List<CompletableFuture<ParticleInbox.Stopped>> stopped = new ArrayList<>();
              for (HostedPeer peer : peers) {
                stopped.add(
                    AskReplies.plain(
                        AskPattern.<ParticleInbox.Command, ParticleInbox.Stopped>ask(
                            peer.inbox(),
                            ParticleInbox.StopTaking::new,
                            drainTimeout,
                            system.scheduler())));
              }
              return CompletableFuture.allOf(stopped.toArray(CompletableFuture[]::new))
                  .handle(
                      (ok, error) -> {
                        if (error != null) {
                          LOG.warn(
                              "some particles had not finished after {}: {}",
                              drainTimeout,
                              error.toString());
                        }
                        return Done.getInstance();
                      });
            });
  }
}
