package io.gyre.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDatabaseTest {
  @TempDir Path dir;

  @Test
  void theAkkaConfigSelectsTheJdbcPluginsOnTheSharedDatabase() {
    DatabaseSettings h2 = DatabaseSettings.h2File(dir.resolve("db"), 3);
    Config config = JournalDatabase.akkaConfig(h2);
    assertEquals("jdbc-journal", config.getString("akka.persistence.journal.plugin"));
    assertEquals("jdbc-snapshot-store", config.getString("akka.persistence.snapshot-store.plugin"));
    assertEquals("gyre", config.getString("jdbc-journal.use-shared-db"));
    assertEquals("gyre", config.getString("jdbc-read-journal.use-shared-db"));
    Config db = config.getConfig("akka-persistence-jdbc.shared-databases.gyre");
    assertEquals("slick.jdbc.H2Profile$", db.getString("profile"));
    assertEquals(h2.url(), db.getString("db.url"));
    assertEquals("org.h2.Driver", db.getString("db.driver"));
    assertEquals(3, db.getInt("db.maxConnections"));
    Config pg =
        JournalDatabase.akkaConfig(
            new DatabaseSettings(
                DatabaseSettings.Kind.POSTGRES, "jdbc:postgresql://db/gyre", "u", "p", 2));
    assertEquals(
        "slick.jdbc.PostgresProfile$",
        pg.getString("akka-persistence-jdbc.shared-databases.gyre.profile"));
    assertEquals("u", pg.getString("akka-persistence-jdbc.shared-databases.gyre.db.user"));
  }

  @Test
  void theSchemaIsMadeOnceAndAgainWithoutHarm() throws Exception {
    DatabaseSettings h2 = DatabaseSettings.h2File(dir.resolve("nested/db"), 1);
    JournalDatabase.createSchema(h2);
    JournalDatabase.createSchema(h2);
    List<String> tables = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(h2.url(), "", "");
        ResultSet rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    assertEquals(List.of("event_journal", "event_tag", "snapshot"), tables);
  }

  @Test
  void anUnreachableDatabaseIsNamedInTheError() {
    DatabaseSettings nowhere =
        new DatabaseSettings(
            DatabaseSettings.Kind.POSTGRES, "jdbc:postgresql://127.0.0.1:1/gyre", "", "", 1);
    PersistenceException e =
        assertThrows(PersistenceException.class, () -> JournalDatabase.createSchema(nowhere));
    assertTrue(e.getMessage().contains("jdbc:postgresql://127.0.0.1:1/gyre"), e.getMessage());
  }

  @Test
  void settingsRefuseAMismatchedUrlAndAnEmptyPool() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DatabaseSettings(DatabaseSettings.Kind.H2, "jdbc:postgresql://x/y", "", "", 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DatabaseSettings(DatabaseSettings.Kind.H2, "jdbc:h2:mem:x", "", "", 0));
  }
}
