package io.gyre.persistence;

import java.nio.file.Path;

/**
 * Where the event journal and snapshots live: an H2 file database or a PostgreSQL server.
 *
 * @param url a JDBC URL ({@code jdbc:h2:file:...} for H2, {@code jdbc:postgresql://...} otherwise)
 * @param poolSize connections (and Slick threads) the journal may use
 */
public record DatabaseSettings(Kind kind, String url, String user, String password, int poolSize) {
  public enum Kind {
    H2,
    POSTGRES
  }

  public DatabaseSettings {
    if (url.isBlank()) {
      throw new IllegalArgumentException("the journal database needs a JDBC URL");
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1, not " + poolSize);
    }
    String expected = kind == Kind.H2 ? "jdbc:h2:" : "jdbc:postgresql:";
    if (!url.startsWith(expected)) {
      throw new IllegalArgumentException(
          "a " + kind + " database URL starts with " + expected + ", not: " + url);
    }
  }

  /**
   * An embedded H2 database in {@code file} (H2 adds {@code .mv.db}). {@code WRITE_DELAY=0}: a
   * commit is on disk when it returns — H2's default (500 ms) loses the last commits of a process
   * killed with SIGKILL.
   */
  public static DatabaseSettings h2File(Path file, int poolSize) {
    return new DatabaseSettings(
        Kind.H2, "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0", "", "", poolSize);
  }

  public boolean isH2() {
    return kind == Kind.H2;
  }
}
