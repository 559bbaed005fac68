package io.gyre.node.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import io.gyre.air.AirLimits;
import io.gyre.identity.files.KeySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A node's settings, read and checked from its configuration ({@link NodeConfigLoader}). {@code
 * config} is the whole resolved configuration, Akka's keys included.
 */
public record NodeSettings(
    Path dataDir,
    KeySource identity,
    List<KeySource> extraIdentities,
    String host,
    int clusterPort,
    List<SeedNode> seedNodes,
    boolean newCluster,
    Http http,
    Database database,
    Limits limits,
    int serviceThreads,
    Trace trace,
    Duration drainTimeout,
    boolean fastVerify,
    Config config) {

  public NodeSettings {
    extraIdentities = List.copyOf(extraIdentities);
    seedNodes = List.copyOf(seedNodes);
  }

  /** The HTTP API: whether it runs, on which address and port (0 picks a free one). */
  public record Http(boolean enabled, String host, int port) {}

  /** Where the event journal and snapshots live. */
  public record Database(Kind kind, String url, String user, String password, int poolSize) {
    public enum Kind {
      H2,
      POSTGRES
    }

    @Override
    public String toString() {
      return "Database[" + kind + " " + url + " user=" + user + "]";
    }
  }

  /** How much a node takes on. */
  public record Limits(
      int maxInFlightParticles,
      long maxInFlightBytes,
      long maxParticleBytes,
      AirLimits air,
      Duration maxClockSkew) {}

  /** Trace logging and how many particle traces are kept for the HTTP API. */
  public record Trace(boolean log, int keep) {}

  /** Another node to join: {@code host:port}. */
  public record SeedNode(String host, int port) {
    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  public static NodeSettings from(Config config) {
    try {
      Config node = config.getConfig(NodeConfigLoader.ROOT);
      Path dataDir = Path.of(node.getString("data-dir")).toAbsolutePath().normalize();
      return new NodeSettings(
          dataDir,
          keySource(node.getConfig("identity"), dataDir, "identity"),
          extraIdentities(node, dataDir),
          nonBlank(node, "host"),
          port(node, "cluster-port"),
          seedNodes(node),
          node.getBoolean("new-cluster"),
          new Http(
              node.getBoolean("http.enabled"),
              nonBlank(node, "http.host"),
              port(node, "http.port")),
          database(node.getConfig("database"), dataDir),
          limits(node.getConfig("limits")),
          positive(node, "services.threads"),
          new Trace(node.getBoolean("trace.log"), nonNegative(node, "trace.keep")),
          node.getDuration("shutdown.drain-timeout"),
          node.getBoolean("crypto.fast-verify"),
          config);
    } catch (ConfigException e) {
      throw new NodeConfigException("configuration: " + e.getMessage(), e);
    }
  }

  private static KeySource keySource(Config identity, Path dataDir, String where) {
    List<KeySource> given = new ArrayList<>();
    String keyFile = identity.hasPath("key-file") ? identity.getString("key-file") : "";
    String seedName = identity.hasPath("seed-name") ? identity.getString("seed-name") : "";
    String secret = identity.hasPath("secret") ? identity.getString("secret") : "";
    if (!keyFile.isBlank()) {
      given.add(new KeySource.File(Path.of(keyFile).toAbsolutePath()));
    }
    if (!seedName.isBlank()) {
      given.add(new KeySource.SeedName(seedName));
    }
    if (!secret.isBlank()) {
      given.add(new KeySource.Secret(secret));
    }
    if (given.size() > 1) {
      throw new NodeConfigException(
          "configuration: " + where + " sets more than one of key-file, seed-name, secret");
    }
    return given.isEmpty()
        ? new KeySource.DataDirectory(dataDir.resolve("peer.key"))
        : given.get(0);
  }

  private static List<KeySource> extraIdentities(Config node, Path dataDir) {
    List<KeySource> sources = new ArrayList<>();
    List<? extends Config> entries = node.getConfigList("extra-identities");
    for (int i = 0; i < entries.size(); i++) {
      String where = "gyre.node.extra-identities[" + i + "]";
      KeySource source = keySource(entries.get(i), dataDir, where);
      if (source instanceof KeySource.DataDirectory) {
        throw new NodeConfigException(
            "configuration: " + where + " needs one of key-file, seed-name, secret");
      }
      sources.add(source);
    }
    return sources;
  }

  private static List<SeedNode> seedNodes(Config node) {
    List<String> texts =
        node.getValue("seed-nodes").valueType() == ConfigValueType.LIST
            ? node.getStringList("seed-nodes")
            : Arrays.asList(node.getString("seed-nodes").split(","));
    List<SeedNode> seeds = new ArrayList<>();
    for (String text : texts) {
      String trimmed = text.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      seeds.add(parseSeed(trimmed));
    }
    return seeds;
  }

  private static SeedNode parseSeed(String text) {
    // Accept host:port and Akka's own akka://system@host:port.
    String hostPort = text.contains("@") ? text.substring(text.indexOf('@') + 1) : text;
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new NodeConfigException(
          "configuration: gyre.node.seed-nodes: '" + text + "' is not host:port");
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new NodeConfigException(
          "configuration: gyre.node.seed-nodes: '" + text + "' has no numeric port", e);
    }
    if (port < 1 || port > 65535) {
      throw new NodeConfigException(
          "configuration: gyre.node.seed-nodes: port "
              + port
              + " of '"
              + text
              + "' is out of range");
    }
    return new SeedNode(hostPort.substring(0, colon), port);
  }

  private static Database database(Config db, Path dataDir) {
    String kindText = db.getString("kind").trim().toLowerCase(java.util.Locale.ROOT);
    Database.Kind kind =
        switch (kindText) {
          case "h2" -> Database.Kind.H2;
          case "postgres", "postgresql" -> Database.Kind.POSTGRES;
          default ->
              throw new NodeConfigException(
                  "configuration: gyre.node.database.kind is '"
                      + kindText
                      + "'; use h2 or postgres");
        };
    String url = db.getString("url").trim();
    if (url.isEmpty()) {
      if (kind == Database.Kind.POSTGRES) {
        throw new NodeConfigException(
            "configuration: gyre.node.database.url is required for postgres"
                + " (jdbc:postgresql://HOST:PORT/DB)");
      }
      // WRITE_DELAY=0: a committed write is on disk before it is acknowledged, so a peer killed
      // with SIGKILL loses nothing it confirmed (H2 otherwise writes up to a second later).
      url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("gyre") + ";WRITE_DELAY=0";
    }
    String expectedPrefix = kind == Database.Kind.H2 ? "jdbc:h2:" : "jdbc:postgresql:";
    if (!url.startsWith(expectedPrefix)) {
      throw new NodeConfigException(
          "configuration: gyre.node.database.url '"
              + url
              + "' does not start with "
              + expectedPrefix);
    }
    return new Database(
        kind, url, db.getString("user"), db.getString("password"), positive(db, "pool-size"));
  }

  private static Limits limits(Config limits) {
    AirLimits air;
    try {
      air =
          new AirLimits(
              limits.getBytes("air-max-script-bytes"),
              limits.getBytes("air-max-data-bytes"),
              limits.getBytes("air-max-call-result-bytes"),
              positive(limits, "air-max-stream-elements"));
    } catch (IllegalArgumentException e) {
      throw new NodeConfigException("configuration: gyre.node.limits: " + e.getMessage(), e);
    }
    long maxParticleBytes = limits.getBytes("max-particle-bytes");
    if (maxParticleBytes <= 0) {
      throw new NodeConfigException(
          "configuration: gyre.node.limits.max-particle-bytes must be positive");
    }
    return new Limits(
        positive(limits, "max-in-flight-particles"),
        maxInFlightBytes(limits),
        maxParticleBytes,
        air,
        limits.getDuration("max-clock-skew"));
  }

  /** {@code auto}: half of this JVM's maximum heap, the rest left to everything else. */
  private static long maxInFlightBytes(Config limits) {
    if (limits.getString("max-in-flight-bytes").trim().equals("auto")) {
      return Runtime.getRuntime().maxMemory() / 2;
    }
    long bytes = limits.getBytes("max-in-flight-bytes");
    if (bytes <= 0) {
      throw new NodeConfigException(
          "configuration: gyre.node.limits.max-in-flight-bytes must be positive or auto");
    }
    return bytes;
  }

  private static String nonBlank(Config config, String key) {
    String value = config.getString(key).trim();
    if (value.isEmpty()) {
      throw new NodeConfigException("configuration: gyre.node." + key + " must not be empty");
    }
    return value;
  }

  private static int port(Config config, String key) {
    int port = config.getInt(key);
    if (port < 0 || port > 65535) {
      throw new NodeConfigException(
          "configuration: gyre.node."
              + key
              + " is "
              + port
              + "; a port is 0..65535 (0: any free one)");
    }
    return port;
  }

  private static int positive(Config config, String key) {
    int value = config.getInt(key);
    if (value <= 0) {
      throw new NodeConfigException(
          "configuration: " + key + " is " + value + "; it must be positive");
    }
    return value;
  }

  private static int nonNegative(Config config, String key) {
    int value = config.getInt(key);
    if (value < 0) {
      throw new NodeConfigException(
          "configuration: " + key + " is " + value + "; it must not be negative");
    }
    return value;
  }
}
