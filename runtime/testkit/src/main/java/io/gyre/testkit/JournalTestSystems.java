package io.gyre.testkit;

import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.gyre.persistence.DatabaseSettings;
import io.gyre.persistence.JournalDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Throwaway ActorSystems whose journal and snapshots live in an H2 file or a PostgreSQL database,
 * for persistence tests: the schema is made first, the system is local (no cluster).
 */
public final class JournalTestSystems {
  private JournalTestSystems() {}

  /** An H2 file database under {@code dir} (the same file again gives the same journal). */
  public static DatabaseSettings h2(Path dir) {
    return DatabaseSettings.h2File(dir.resolve("journal"), 4);
  }

  /** A fresh database named {@code name} on {@code server}. */
  public static DatabaseSettings postgres(PostgresServer server, String name) throws SQLException {
    return new DatabaseSettings(
        DatabaseSettings.Kind.POSTGRES, server.createDatabase(name), "gyre", "", 4);
  }

  /** The configuration such a system runs with: the database, a local provider, quiet logs. */
  public static Config config(DatabaseSettings database) {
    return JournalDatabase.akkaConfig(database)
        .withFallback(
            ConfigFactory.parseString(
                "akka.actor.provider = local\n"
                    + "akka.loglevel = WARNING\n"
                    + "akka.coordinated-shutdown.exit-jvm = off\n"
                    + "akka.coordinated-shutdown.run-by-jvm-shutdown-hook = off\n"))
        .withFallback(ConfigFactory.load());
  }

  /** Makes the journal tables when missing and starts {@code guardian} on that database. */
  public static <T> ActorSystem<T> start(
      Behavior<T> guardian, String name, DatabaseSettings database) {
    JournalDatabase.createSchema(database);
    return ActorSystem.create(guardian, name, config(database));
  }

  /** Terminates {@code system} and waits for it (at most a minute). */
  public static void stop(ActorSystem<?> system) throws TimeoutException, InterruptedException {
    system.terminate();
    try {
      system
          .getWhenTerminated()
          .toCompletableFuture()
          .get(60, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("actor system " + system.name() + " failed to stop", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TimeoutException(
          "actor system " + system.name() + " did not stop within " + Duration.ofMinutes(1));
    }
  }
}
