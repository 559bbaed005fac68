package io.gyre.node.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.gyre.node.config.NodeSettings;
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

/**
 * The database that holds a node's event journal and snapshots (akka-persistence-jdbc): an H2 file
 * under the data directory by default, PostgreSQL by configuration. Both get the same tables, made
 * on start when missing.
 */
public final class JournalDatabase {
  private JournalDatabase() {}

  /** Akka settings that point akka-persistence-jdbc's shared database "gyre" at this database. */
  public static Config akkaConfig(NodeSettings.Database database) {
    boolean h2 = database.kind() == NodeSettings.Database.Kind.H2;
    Map<String, Object> db =
        Map.of(
            "url", database.url(),
            "user", database.user(),
            "password", database.password(),
            "driver", h2 ? "org.h2.Driver" : "org.postgresql.Driver",
            "numThreads", database.poolSize(),
            "maxConnections", database.poolSize(),
            "minConnections", 1,
            "connectionTimeout", 10000);
    return ConfigFactory.empty()
        .withValue(
            "akka-persistence-jdbc.shared-databases.gyre.profile",
            ConfigValueFactory.fromAnyRef(
                h2 ? "slick.jdbc.H2Profile$" : "slick.jdbc.PostgresProfile$"))
        .withValue(
            "akka-persistence-jdbc.shared-databases.gyre.db", ConfigValueFactory.fromMap(db));
  }

  /** Makes the journal's tables when they do not exist yet (idempotent). */
  public static void createSchema(NodeSettings.Database database) {
    boolean h2 = database.kind() == NodeSettings.Database.Kind.H2;
    String script =
        readSchema(h2 ? "h2.sql" : "postgres.sql")
            .lines()
            .filter(line -> !line.startsWith("--"))
            .collect(java.util.stream.Collectors.joining("\n"));
    try {
      if (h2) {
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

  private static String readSchema(String name) {
    try (InputStream in =
        JournalDatabase.class.getResourceAsStream("/io/gyre/node/persistence/" + name)) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read schema resource " + name, e);
    }
  }
}
