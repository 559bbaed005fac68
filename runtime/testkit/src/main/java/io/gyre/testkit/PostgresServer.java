package io.gyre.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server from Debian's binaries, in a temporary directory, for tests. initdb
 * and postgres refuse to run as root, so under root they run as the unprivileged user {@code
 * nobody} (through {@code runuser}) in a directory that user owns.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Path BIN = findBin();

  private final Path dir;
  private final int port;
  private final Process server;

  private PostgresServer(Path dir, int port, Process server) {
    this.dir = dir;
    this.port = port;
    this.server = server;
  }

  public static PostgresServer start() throws IOException, InterruptedException {
    Path dir =
        Files.createTempDirectory(
            "gyre-pg-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      run(List.of("chown", "nobody", dir.toString()));
    }
    Path data = dir.resolve("data");
    run(
        asPostgresUser(
            root,
            List.of(
                BIN.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-A",
                "trust",
                "-U",
                "gyre",
                "--no-sync",
                "-E",
                "UTF8")));
    int port = freePort();
    List<String> command =
        asPostgresUser(
            root,
            List.of(
                BIN.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-k",
                dir.toString(),
                "-h",
                "127.0.0.1",
                "-c",
                "fsync=off",
                "-c",
                "full_page_writes=off"));
    Process server =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server.log").toFile())
            .start();
    PostgresServer postgres = new PostgresServer(dir, port, server);
    postgres.awaitReady();
    return postgres;
  }

  /** A JDBC URL for a fresh database named {@code name}. */
  public String createDatabase(String name) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url("postgres"), "gyre", "")) {
      connection.createStatement().execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private void awaitReady() throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException("postgres exited: " + Files.readString(dir.resolve("server.log")));
      }
      try (Connection ignored = DriverManager.getConnection(url("postgres"), "gyre", "")) {
        return;
      } catch (SQLException e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw new IOException("postgres did not accept connections within 60 s: " + last);
  }

  @Override
  public void close() throws Exception {
    server.destroy(); // SIGTERM: postgres' smart shutdown; no clients are left by then
    if (!server.waitFor(30, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor();
    }
    run(List.of("rm", "-rf", dir.toString()));
  }

  private static List<String> asPostgresUser(boolean root, List<String> command) {
    if (!root) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Path findBin() {
    for (String version : List.of("17", "16", "15", "14", "13")) {
      Path bin = Path.of("/usr/lib/postgresql", version, "bin");
      if (Files.isExecutable(bin.resolve("postgres"))) {
        return bin;
      }
    }
    throw new IllegalStateException(
        "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install Debian's postgresql package (.ci/run does)");
  }
}
