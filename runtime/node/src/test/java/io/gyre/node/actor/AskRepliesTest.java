package io.gyre.node.actor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import akka.actor.typed.ActorRef;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class AskRepliesTest {
  private static final ActorTestKit KIT = ActorTestKit.create();

  private record Ping(String text, ActorRef<String> replyTo) {}

  @AfterAll
  static void stop() {
    KIT.shutdownTestKit();
  }

  @Test
  void stagesAfterAnAskRunOnTheReplyingThreadNotOnJavasDefaultAsyncExecutor() throws Exception {
    ActorRef<Ping> echo =
        KIT.spawn(
            Behaviors.receiveMessage(
                ping -> {
                  ping.replyTo().tell(ping.text() + " from " + Thread.currentThread().getName());
                  return Behaviors.same();
                }));

    String[] stage =
        AskReplies.plain(
                AskPattern.<Ping, String>ask(
                    echo, r -> new Ping("pong", r), Duration.ofSeconds(5), KIT.scheduler()))
            .thenApply(reply -> new String[] {reply, Thread.currentThread().getName()})
            .get(5, TimeUnit.SECONDS);

    assertTrue(stage[0].startsWith("pong from "), stage[0]);
    // The common pool (3+ cores) or a thread per task (fewer) would show in the name.
    assertTrue(
        !stage[1].startsWith("ForkJoinPool.commonPool") && !stage[1].startsWith("Thread-"),
        stage[1]);
    // The stage runs where the reply completed the future, or here if it was complete already.
    String replying = stage[0].substring("pong from ".length());
    String here = Thread.currentThread().getName();
    assertTrue(
        stage[1].equals(replying) || stage[1].equals(here),
        stage[1] + " is neither " + replying + " nor " + here);
  }

  @Test
  void aFailedAskFailsThePlainFuture() {
    ActorRef<Ping> silent = KIT.spawn(Behaviors.receiveMessage(ping -> Behaviors.same()));

    var failed =
        AskReplies.plain(
            AskPattern.<Ping, String>ask(
                silent, r -> new Ping("x", r), Duration.ofMillis(100), KIT.scheduler()));

    java.util.concurrent.ExecutionException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
    assertTrue(error.getCause() instanceof java.util.concurrent.TimeoutException, error.toString());
  }
}
