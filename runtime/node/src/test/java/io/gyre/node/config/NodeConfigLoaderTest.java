package io.gyre.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.identity.files.KeySource;
import io.gyre.net.Multiaddr;
import io.gyre.node.relay.RelaySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsMakeAnEmbeddedNodeWithItsKeyInTheDataDirectory() {
    NodeSettings settings = NodeSettings.from(NodeConfigLoader.defaults());
    assertEquals(7100, settings.clusterPort());
    assertEquals(7200, settings.http().port());
    assertEquals(NodeSettings.Database.Kind.H2, settings.database().kind());
    assertTrue(settings.database().url().startsWith("jdbc:h2:file:"));
    assertTrue(settings.database().url().endsWith("/data/db/gyre;WRITE_DELAY=0"));
    assertInstanceOf(KeySource.DataDirectory.class, settings.identity());
    assertEquals(List.of(), settings.seedNodes());
    assertEquals(1023, settings.limits().air().maxStreamElements());
    assertTrue(settings.fastVerify(), "the Ed25519 table path is on by default");
  }

  @Test
  void clientsAreServedOnLoopbackTcp7400AndWebSocket7401ByDefault() {
    RelaySettings clients = RelaySettings.from(NodeSettings.from(NodeConfigLoader.defaults()));
    assertTrue(clients.enabled(), "every peer is a relay for clients by default");
    assertEquals("127.0.0.1", clients.host());
    assertEquals(7400, clients.tcpPort());
    assertEquals(7401, clients.wsPort());
    assertEquals(
        List.of(
            Multiaddr.parse("/ip4/127.0.0.1/tcp/7400"),
            Multiaddr.parse("/ip4/127.0.0.1/tcp/7401/ws")),
        clients.listenAddresses());
  }

  @Test
  void clientPortsComeFromTheEnvironmentAndZeroMeansAnyFreePort() {
    RelaySettings clients =
        RelaySettings.from(
            NodeSettings.from(
                NodeConfigLoader.load(
                    Optional.empty(),
                    Map.of("GYRE_CLIENT_TCP_PORT", "0", "GYRE_CLIENT_WS_PORT", "0"),
                    Map.of())));
    assertEquals(0, clients.tcpPort());
    assertEquals(0, clients.wsPort());
    assertEquals(
        List.of(
            Multiaddr.parse("/ip4/127.0.0.1/tcp/0"), Multiaddr.parse("/ip4/127.0.0.1/tcp/0/ws")),
        clients.listenAddresses());
    var error =
        assertThrows(
            NodeConfigException.class,
            () ->
                RelaySettings.from(
                    NodeSettings.from(
                        NodeConfigLoader.load(
                            Optional.empty(),
                            Map.of(),
                            Map.of("gyre.node.client.ws-port", "70000")))));
    assertTrue(
        error.getMessage().contains("gyre.node.client.ws-port is 70000"), error.getMessage());
  }

  @Test
  void fastVerifyCanBeSwitchedOff() {
    NodeSettings settings =
        NodeSettings.from(
            NodeConfigLoader.load(
                Optional.empty(), Map.of("GYRE_CRYPTO_FAST_VERIFY", "off"), Map.of()));
    assertFalse(settings.fastVerify());
  }

  @Test
  void environmentOverridesTheFileAndTheCommandLineOverridesBoth() throws Exception {
    Path file = dir.resolve("node.conf");
    Files.writeString(
        file, "gyre.node { http.port = 8000, cluster-port = 8100, host = \"10.0.0.1\" }");
    Map<String, String> env = Map.of("GYRE_HTTP_PORT", "8001", "GYRE_CLUSTER_PORT", "8101");
    Map<String, String> flags = Map.of("gyre.node.http.port", "8002");

    NodeSettings settings = NodeSettings.from(NodeConfigLoader.load(Optional.of(file), env, flags));

    assertEquals(8002, settings.http().port());
    assertEquals(8101, settings.clusterPort());
    assertEquals("10.0.0.1", settings.host());
  }

  @Test
  void everyNodeKeyHasAnEnvironmentVariable() {
    Map<String, String> env =
        Map.of(
            "GYRE_LIMITS_MAX_IN_FLIGHT_PARTICLES", "7",
            "GYRE_DATABASE_KIND", "postgres",
            "GYRE_DATABASE_URL", "jdbc:postgresql://db:5432/gyre",
            "GYRE_IDENTITY_SEED_NAME", "alice",
            "GYRE_SEED_NODES", "10.0.0.1:7100, 10.0.0.2:7100",
            "GYRE_EXTRA_IDENTITIES", "[{seed-name = bob}]");

    NodeSettings settings =
        NodeSettings.from(NodeConfigLoader.load(Optional.empty(), env, Map.of()));

    assertEquals(7, settings.limits().maxInFlightParticles());
    assertEquals(NodeSettings.Database.Kind.POSTGRES, settings.database().kind());
    assertEquals(new KeySource.SeedName("alice"), settings.identity());
    assertEquals(List.of(new KeySource.SeedName("bob")), settings.extraIdentities());
    assertEquals("[10.0.0.1:7100, 10.0.0.2:7100]", settings.seedNodes().toString());
    assertEquals(
        "GYRE_SHUTDOWN_DRAIN_TIMEOUT",
        NodeConfigLoader.environmentName("gyre.node.shutdown.drain-timeout"));
  }

  @Test
  void akkaKeysCanBeForcedFromTheEnvironment() {
    var config =
        NodeConfigLoader.load(
            Optional.empty(),
            Map.of("CONFIG_FORCE_akka_cluster_min__nr__of__members", "3"),
            Map.of());
    assertEquals(3, config.getInt("akka.cluster.min-nr-of-members"));
  }

  @Test
  void badSettingsAreRefusedNamingTheKey() {
    assertMessage("gyre.node.cluster-port is 70000", Map.of("gyre.node.cluster-port", "70000"));
    assertMessage("'nope' is not host:port", Map.of("gyre.node.seed-nodes", "nope"));
    assertMessage("gyre.node.database.kind is 'mysql'", Map.of("gyre.node.database.kind", "mysql"));
    assertMessage(
        "gyre.node.database.url is required for postgres",
        Map.of("gyre.node.database.kind", "postgres"));
    assertMessage(
        "identity sets more than one",
        Map.of("gyre.node.identity.seed-name", "a", "gyre.node.identity.secret", "b"));
    assertMessage(
        "max-in-flight-particles is 0", Map.of("gyre.node.limits.max-in-flight-particles", "0"));
    assertMessage("http.port", Map.of("gyre.node.http.port", "eighty"));
    assertMessage(
        "max-in-flight-bytes must be positive or auto",
        Map.of("gyre.node.limits.max-in-flight-bytes", "0"));
  }

  @Test
  void inFlightBytesDefaultToHalfTheHeap() {
    NodeSettings auto =
        NodeSettings.from(NodeConfigLoader.load(Optional.empty(), Map.of(), Map.of()));
    assertEquals(Runtime.getRuntime().maxMemory() / 2, auto.limits().maxInFlightBytes());
    NodeSettings given =
        NodeSettings.from(
            NodeConfigLoader.load(
                Optional.empty(), Map.of("GYRE_LIMITS_MAX_IN_FLIGHT_BYTES", "3 MiB"), Map.of()));
    assertEquals(3 << 20, given.limits().maxInFlightBytes());
  }

  @Test
  void aMissingConfigurationFileIsNamed() {
    Path missing = dir.resolve("absent.conf");
    var error =
        assertThrows(
            NodeConfigException.class,
            () -> NodeConfigLoader.load(Optional.of(missing), Map.of(), Map.of()));
    assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
  }

  private static void assertMessage(String expected, Map<String, String> flags) {
    var error =
        assertThrows(
            NodeConfigException.class,
            () -> NodeSettings.from(NodeConfigLoader.load(Optional.empty(), Map.of(), flags)));
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
