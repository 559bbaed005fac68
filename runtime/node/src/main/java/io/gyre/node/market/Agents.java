package io.gyre.node.market;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.receptionist.Receptionist;
import akka.actor.typed.receptionist.ServiceKey;
import akka.japi.function.Function;
import akka.pattern.StatusReply;
import io.gyre.identity.PeerId;
import io.gyre.node.actor.AskReplies;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Finds provider agents through the Receptionist and asks them, with a timeout. */
final class Agents {
  private final ActorSystem<?> system;
  private final Duration timeout;

  Agents(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  /** The agent of {@code peer}; fails when no node of the cluster hosts that peer's agent. */
  CompletionStage<ActorRef<ProviderAgent.Command>> of(PeerId peer) {
    return find(ProviderAgent.keyOf(peer))
        .thenApply(
            agents -> {
              if (agents.isEmpty()) {
                throw new IllegalStateException("no provider agent of peer " + peer + " is known");
              }
              return agents.get(0);
            });
  }

  /** Every agent the cluster knows. */
  CompletionStage<List<ActorRef<ProviderAgent.Command>>> all() {
    return find(ProviderAgent.ALL);
  }

  private CompletionStage<List<ActorRef<ProviderAgent.Command>>> find(
      ServiceKey<ProviderAgent.Command> key) {
    return AskReplies.plain(
            AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
                system.receptionist(),
                replyTo -> Receptionist.find(key, replyTo),
                timeout,
                system.scheduler()))
        .thenApply(listing -> List.copyOf(listing.getServiceInstances(key)));
  }

  <T> CompletionStage<T> ask(
      ActorRef<ProviderAgent.Command> agent,
      Function<ActorRef<StatusReply<T>>, ProviderAgent.Command> message) {
    return AskReplies.plain(
        AskPattern.askWithStatus(agent, message::apply, timeout, system.scheduler()));
  }

  <T> CompletionStage<T> ask(
      PeerId peer, Function<ActorRef<StatusReply<T>>, ProviderAgent.Command> message) {
    return of(peer).thenCompose(agent -> ask(agent, message));
  }

  static <T> CompletionStage<T> failed(String message) {
    return CompletableFuture.failedFuture(new IllegalStateException(message));
  }
}
