package io.gyre.cli.node;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.cli.GyreRun;
import io.gyre.client.GyreClient;
import io.gyre.identity.KeyPair;
import io.gyre.identity.files.PeerKeys;
import io.gyre.net.Multiaddr;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `gyre node` refuses what cannot start a peer, naming it, before anything runs; once up, it prints
 * where clients reach it.
 */
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
  void theBannersClientAddressesAreTheOnesHealthListsAndAClientReachesThePeerThere()
      throws Exception {
    KeyPair key = PeerKeys.create(dir.resolve("own.key"));
    String peerId = key.peerId().base58();
    try (NodeProcess node =
        NodeProcess.start(
            dir.resolve("node.out"),
            "--data-dir",
            dir.resolve("data").toString(),
            "--key-file",
            dir.resolve("own.key").toString(),
            "--cluster-port",
            "0",
            "--http-port",
            "0",
            "--client-port",
            "0",
            "--client-ws-port",
            "0")) {
      assertEquals(peerId, node.peerId(), "the banner names the peer of the key it was given");
      List<String> clients = node.values("clients");
      assertEquals(2, clients.size(), String.join("\n", node.banner()));
      assertTrue(
          clients.get(0).matches("/ip4/127\\.0\\.0\\.1/tcp/[1-9][0-9]*/p2p/" + peerId),
          clients.get(0));
      assertTrue(
          clients.get(1).matches("/ip4/127\\.0\\.0\\.1/tcp/[1-9][0-9]*/ws/p2p/" + peerId),
          clients.get(1));

      String http = node.values("http").get(0);
      URI health = URI.create(http.substring(0, http.indexOf(' ')) + "/health");
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      List<String> listed = new ArrayList<>();
      new ObjectMapper()
          .readTree(answer.body())
          .get("client_addresses")
          .forEach(a -> listed.add(a.asText()));
      assertEquals(clients, listed);

      for (String address : clients) {
        // the client checks the relay's Noise identity against the address's /p2p/ part
        try (GyreClient client = GyreClient.connect(Multiaddr.parse(address))) {
          assertEquals(peerId, client.relayPeerId().orElseThrow().base58(), address);
          JsonNode identity =
              client
                  .run(IDENTIFY_RELAY, Map.of(), Duration.ofSeconds(60), true)
                  .get(90, TimeUnit.SECONDS);
          assertEquals(peerId, identity.get("peer_id").asText(), address);
        }
      }
    }
  }

  /** The client asks its relay's {@code peer.identify} and takes the answer back. */
  private static final String IDENTIFY_RELAY =
      """
      (seq
       (seq
        (call %init_peer_id% ("getDataSrv" "-relay-") [] -relay-)
        (call -relay- ("peer" "identify") [] info))
       (call %init_peer_id% ("callbackSrv" "response") [info]))
      """;

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
    try (NodeProcess first =
        NodeProcess.start(
            dir.resolve("first.out"),
            "--data-dir",
            dir.toString(),
            "--cluster-port",
            "0",
            "--http-port",
            "0",
            "--client-port",
            "0",
            "--client-ws-port",
            "0")) {
      String banner = String.join("\n", first.banner());
      String token = Files.readString(dir.resolve("http.token")).trim();
      assertTrue(
          banner.matches("(?s).*  open     http://127\\.0\\.0\\.1:\\d+/#token=" + token + " .*"),
          "the banner names the playground with the operator's token:\n" + banner);
      assertTrue(banner.contains("  clients  /ip4/127.0.0.1/tcp/"), banner);
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
    }
  }
}
