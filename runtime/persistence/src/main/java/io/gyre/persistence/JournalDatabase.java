package io.gyre.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The database that holds an ActorSystem's event journal and snapshots (akka-persistence-jdbc). H2
 * and PostgreSQL get the same tables, made when missing.
 */
public final class JournalDatabase {
  /** The name of akka-persistence-jdbc's shared database every plugin here uses. */
  public static final String SHARED_DATABASE = "gyre";

  private JournalDatabase() {}

  /**
   * Akka settings that select the JDBC journal, snapshot store and read journal and point their
   * shared database {@value #SHARED_DATABASE} at {@code database}.
   */
  public static Config akkaConfig(DatabaseSettings database) {
    Map<String, Object> db =
        Map.of(
            "url", database.url(),
            "user", database.user(),
            "password", database.password(),
            "driver", database.isH2() ? "org.h2.Driver" : "org.postgresql.Driver",
            "numThreads", database.poolSize(),
            "maxConnections", database.poolSize(),
            "minConnections", 1,
            "connectionTimeout", 10000);
    String shared = "akka-persistence-jdbc.shared-databases." + SHARED_DATABASE;
    return ConfigFactory.empty()
        .withValue(
            shared + ".profile",
            ConfigValueFactory.fromAnyRef(
                database.isH2() ? "slick.jdbc.H2Profile$" : "slick.jdbc.PostgresProfile$"))
        .withValue(shared + ".db", ConfigValueFactory.fromMap(db))
        .withValue("akka.persistence.journal.plugin", ConfigValueFactory.fromAnyRef("jdbc-journal"))
        .withValue(
            "akka.persistence.snapshot-store.plugin",
            ConfigValueFactory.fromAnyRef("jdbc-snapshot-store"))
        .withValue("jdbc-journal.use-shared-db", ConfigValueFactory.fromAnyRef(SHARED_DATABASE))
        .withValue(
            "jdbc-snapshot-store.use-shared-db", ConfigValueFactory.fromAnyRef(SHARED_DATABASE))
        .withValue(
            "jdbc-read-journal.use-shared-db", ConfigValueFactory.fromAnyRef(SHARED_DATABASE));
  }

  /** Makes the journal's tables when they do not exist yet (idempotent). */
  public static void createSchema(DatabaseSettings database) {
    String script =
        schemaScript(database.kind())
            .lines()
            .filter(line -> !line.startsWith("--"))
            .collect(Collectors.joining("\n"));
    try {
      if (database.isH2()) {
        Path file = Path.of(database.url().substring("jdbc:h2:file:".length()).split(";")[0]);
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
      }
      try (Connection connection =
              DriverManager.getConnection(database.url(), database.user(), database.password());
          Statement statement = connection.createStatement()) {
        for (String sql : script.split(";")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
    } catch (SQLException | IOException e) {
      throw new PersistenceException(
          "database " + database.url() + ": cannot prepare the journal tables: " + e.getMessage(),
          e);
    }
  }

  /** The SQL that makes akka-persistence-jdbc 5.x's tables (journal, tags, snapshots). */
  public static String schemaScript(DatabaseSettings.Kind kind) {
    String name = kind == DatabaseSettings.Kind.H2 ? "h2.sql" : "postgres.sql";
    try (InputStream in = JournalDatabase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read schema resource " + name, e);
    }
  }
}
