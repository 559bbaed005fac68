package io.gyre.cli.node;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gyre node` refuses what cannot start a peer, naming it, before anything runs. */
class NodeCommandTest {
  @TempDir Path dir;

  @Test
  void aBadSettingIsNamed() {
    GyreRun port = gyre("node", "--data-dir", dir.toString(), "--cluster-port", "70000");
    assertEquals(2, port.exitCode());
    assertTrue(port.err().contains("gyre.node.cluster-port is 70000"), port.err());

    GyreRun database =
        gyre("node", "--data-dir", dir.toString(), "--set", "gyre.node.database.kind=oracle");
    assertEquals(2, database.exitCode());
    assertTrue(
        database.err().contains("gyre.node.database.kind is 'oracle'; use h2 or postgres"),
        database.err());
  }

  @Test
  void aKeyFileOthersCanReadIsRefused() throws Exception {
    Path key = dir.resolve("peer.key");
    Files.writeString(key, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    GyreRun run = gyre("node", "--data-dir", dir.toString(), "--key-file", key.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("is readable by others"), run.err());
  }

  /** Runs {@code gyre node} in-process, its log lines (stderr) captured too. */
  private static GyreRun withLogs(StringBuilder logs, String... args) {
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stderr = System.err;
    System.setErr(new java.io.PrintStream(captured, true));
    try {
      return gyre(args);
    } finally {
      System.setErr(stderr);
      logs.append(captured);
    }
  }

  private static void assertNoTrace(GyreRun run, StringBuilder logs) {
    String all = run.err() + logs;
    assertTrue(!all.contains("Exception") && !all.contains("at io."), all);
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void aClusterPortInUseIsOneLineWithoutATrace() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      StringBuilder logs = new StringBuilder();
      GyreRun port =
          withLogs(
              logs,
              "node",
              "--data-dir",
              dir.toString(),
              "--cluster-port",
              String.valueOf(taken.getLocalPort()),
              "--http-port",
              "0",
              "--client-port",
              "0",
              "--client-ws-port",
              "0");
      assertEquals(1, port.exitCode());
      assertEquals(
          "gyre node: the cluster port 127.0.0.1:"
              + taken.getLocalPort()
              + " is in use (another peer?); pick another with --cluster-port",
          port.err().trim());
      assertNoTrace(port, logs);
    }
  }

  @Test
  void anHttpPortInUseIsOneLineNamingItWithoutATrace() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      StringBuilder logs = new StringBuilder();
      GyreRun port =
          withLogs(
              logs,
              "node",
              "--data-dir",
              dir.toString(),
              "--cluster-port",
              "0",
              "--http-port",
              String.valueOf(taken.getLocalPort()),
              "--client-port",
              "0",
              "--client-ws-port",
              "0");
      assertEquals(1, port.exitCode());
      assertEquals(
          "gyre node: the HTTP port 127.0.0.1:"
              + taken.getLocalPort()
              + " is in use (another peer?); pick another with --http-port",
          port.err().trim());
      assertNoTrace(port, logs);
    }
  }

  @Test
  void aDatabaseInUseByAnotherPeerIsOneLineWithoutATrace() throws Exception {
    // The first peer runs in its own JVM: H2 locks a database file against other processes.
    Process first =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.gyre.cli.GyreCommand",
                "node",
                "--data-dir",
                dir.toString(),
                "--cluster-port",
                "0",
                "--http-port",
                "0",
                "--client-port",
                "0",
                "--client-ws-port",
                "0")
            .redirectErrorStream(true)
            .start();
    try {
      java.io.BufferedReader out =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  first.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.endsWith(" up")) {
        // the first peer's log until it is up
      }
      assertTrue(line != null, "the first peer started");
      StringBuilder banner = new StringBuilder();
      while ((line = out.readLine()) != null && !line.startsWith("  data ")) {
        banner.append(line).append('\n');
      }
      String token = Files.readString(dir.resolve("http.token")).trim();
      assertTrue(
          banner
              .toString()
              .matches("(?s).*  open     http://127\\.0\\.0\\.1:\\d+/#token=" + token + " .*"),
          "the banner names the playground with the operator's token:\n" + banner);
      assertTrue(banner.toString().contains("  clients  /ip4/127.0.0.1/tcp/"), banner.toString());
      StringBuilder logs = new StringBuilder();
      GyreRun database =
          withLogs(
              logs,
              "node",
              "--data-dir",
              dir.toString(),
              "--cluster-port",
              "0",
              "--http-port",
              "0",
              "--client-port",
              "0",
              "--client-ws-port",
              "0");
      assertEquals(1, database.exitCode());
      assertTrue(
          database.err().contains("the database in " + dir.resolve("db") + " is in use by another"),
          database.err());
      assertNoTrace(database, logs);
    } finally {
      first.destroyForcibly().waitFor();
    }
  }
}
