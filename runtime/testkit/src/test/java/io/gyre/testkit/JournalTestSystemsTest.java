package io.gyre.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import akka.persistence.typed.PersistenceId;
import akka.persistence.typed.javadsl.CommandHandler;
import akka.persistence.typed.javadsl.EventHandler;
import akka.persistence.typed.javadsl.EventSourcedBehavior;
import io.gyre.persistence.CborSerializable;
import io.gyre.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A counter persisted through a test system survives the system, on H2 and PostgreSQL. */
class JournalTestSystemsTest {
  private static PostgresServer postgres;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  public record Added(int amount) implements CborSerializable {
    @com.fasterxml.jackson.annotation.JsonCreator(
        mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES)
    public Added {}
  }

  /** Adds what it is told and replies the total; its events are {@link Added}. */
  static final class Counter extends EventSourcedBehavior<Counter.Add, Added, Integer> {
    record Add(int amount, ActorRef<Integer> replyTo) {}

    Counter() {
      super(PersistenceId.ofUniqueId("counter"));
    }

    @Override
    public Integer emptyState() {
      return 0;
    }

    @Override
    public CommandHandler<Add, Added, Integer> commandHandler() {
      return newCommandHandlerBuilder()
          .forAnyState()
          .onCommand(
              Add.class,
              add ->
                  Effect()
                      .persist(new Added(add.amount()))
                      .thenReply(add.replyTo(), total -> total))
          .build();
    }

    @Override
    public EventHandler<Integer, Added> eventHandler() {
      return newEventHandlerBuilder()
          .forAnyState()
          .onEvent(Added.class, (total, e) -> total + e.amount())
          .build();
    }
  }

  private static int add(ActorSystem<Counter.Add> system, int amount) throws Exception {
    return AskPattern.<Counter.Add, Integer>ask(
            system, r -> new Counter.Add(amount, r), Duration.ofSeconds(30), system.scheduler())
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(DatabaseSettings.Kind.class)
  void eventsOutliveTheSystem(DatabaseSettings.Kind kind) throws Exception {
    DatabaseSettings database =
        kind == DatabaseSettings.Kind.H2
            ? JournalTestSystems.h2(dir)
            : JournalTestSystems.postgres(postgres, "counter_" + System.nanoTime());
    Behavior<Counter.Add> counter = Behaviors.setup(context -> new Counter());
    ActorSystem<Counter.Add> first = JournalTestSystems.start(counter, "first", database);
    add(first, 2);
    assertEquals(5, add(first, 3));
    JournalTestSystems.stop(first);
    ActorSystem<Counter.Add> second = JournalTestSystems.start(counter, "second", database);
    assertEquals(12, add(second, 7));
    JournalTestSystems.stop(second);
  }
}
