package io.gyre.cli.node;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.gyre.identity.files.IdentityException;
import io.gyre.node.GyreNode;
import io.gyre.node.access.OperatorToken;
import io.gyre.node.config.NodeConfigException;
import io.gyre.node.config.NodeConfigLoader;
import io.gyre.node.config.NodeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `gyre node`: starts a peer and runs until it is stopped (SIGTERM or Ctrl-C leave gracefully). */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = {
      "Start a Gyre peer: an Akka Cluster node with its key, database and HTTP API.",
      "Settings: runtime/node/README.md. Precedence: --set and the flags below, then GYRE_*"
          + " environment variables, then --config, then the defaults."
    })
public final class NodeCommand implements Callable<Integer> {

  @Option(names = "--config", paramLabel = "FILE", description = "A HOCON configuration file.")
  Optional<Path> config;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Key, database and modules (default: ./data).")
  Optional<Path> dataDir;

  @Option(
      names = "--host",
      description = "The address other nodes reach this one at (default 127.0.0.1).")
  Optional<String> host;

  @Option(
      names = "--cluster-port",
      paramLabel = "PORT",
      description = "Artery TCP port (default 7100; 0: any).")
  Optional<Integer> clusterPort;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "HTTP API port (default 7200; 0: any).")
  Optional<Integer> httpPort;

  @Option(
      names = "--client-port",
      paramLabel = "PORT",
      description = "Port for clients over TCP (default 7400; 0: any).")
  Optional<Integer> clientPort;

  @Option(
      names = "--client-ws-port",
      paramLabel = "PORT",
      description = "Port for clients over WebSocket (default 7401; 0: any).")
  Optional<Integer> clientWsPort;

  @Option(
      names = "--seed",
      paramLabel = "HOST:PORT",
      description = "A node to join (repeatable). None: start a new cluster.")
  List<String> seeds = new ArrayList<>();

  @Option(
      names = "--new-cluster",
      description =
          "With no --seed: found a new cluster even if this node remembers members of one"
              + " (by default it rejoins through them).")
  boolean newCluster;

  @Option(
      names = "--http-host",
      paramLabel = "ADDRESS",
      description =
          "Where the HTTP API listens (default 127.0.0.1; its acting endpoints need the token).")
  Optional<String> httpHost;

  @Option(
      names = "--seed-name",
      paramLabel = "NAME",
      description = "Use a conformance seed name's key (tests, demos).")
  Optional<String> seedName;

  @Option(
      names = "--key-file",
      paramLabel = "FILE",
      description = "The peer's key file (default: DATA_DIR/peer.key, made on first start).")
  Optional<Path> keyFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Any setting, e.g. --set gyre.node.limits.max-in-flight-particles=5000 (repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    NodeSettings nodeSettings;
    try {
      nodeSettings = NodeSettings.from(NodeConfigLoader.load(config, System.getenv(), flags()));
    } catch (NodeConfigException e) {
      spec.commandLine().getErr().println("gyre node: " + e.getMessage());
      return 2;
    }
    showLogs(nodeSettings);
    GyreNode node;
    try {
      node = GyreNode.start(nodeSettings);
    } catch (NodeConfigException | IdentityException e) {
      spec.commandLine().getErr().println("gyre node: " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("gyre node: " + StartFailure.describe(e, nodeSettings));
      if (verbose()) {
        e.printStackTrace(spec.commandLine().getErr());
      }
      return 1;
    }
    var out = spec.commandLine().getOut();
    out.println("peer " + node.peerId() + " up");
    out.println("  jvm      " + JvmDescription.current());
    out.println(
        "  cluster  "
            + nodeSettings.host()
            + ":"
            + node.clusterPort()
            + (nodeSettings.seedNodes().isEmpty()
                ? " (new cluster)"
                : " joining " + nodeSettings.seedNodes()));
    node.httpAddress()
        .ifPresent(
            a ->
                out.println(
                    "  http     http://"
                        + a.getHostString()
                        + ":"
                        + a.getPort()
                        + " (token in "
                        + nodeSettings.dataDir().resolve(OperatorToken.FILE_NAME)
                        + ")"));
    node.httpAddress()
        .ifPresent(
            a ->
                OperatorToken.readFrom(nodeSettings.dataDir())
                    .ifPresent(
                        token ->
                            out.println(
                                "  open     http://"
                                    + a.getHostString()
                                    + ":"
                                    + a.getPort()
                                    + "/#token="
                                    + token
                                    + " (the playground and dashboard, as the operator)")));
    node.clientAddresses().forEach(a -> out.println("  clients  " + a));
    out.println("  data     " + nodeSettings.dataDir());
    out.flush();
    node.whenTerminated().toCompletableFuture().join();
    return 0;
  }

  private Map<String, String> flags() {
    Map<String, String> flags = new LinkedHashMap<>();
    dataDir.ifPresent(d -> flags.put("gyre.node.data-dir", d.toString()));
    host.ifPresent(h -> flags.put("gyre.node.host", h));
    clusterPort.ifPresent(p -> flags.put("gyre.node.cluster-port", p.toString()));
    httpPort.ifPresent(p -> flags.put("gyre.node.http.port", p.toString()));
    httpHost.ifPresent(h -> flags.put("gyre.node.http.host", h));
    if (newCluster) {
      flags.put("gyre.node.new-cluster", "on");
    }
    clientPort.ifPresent(p -> flags.put("gyre.node.client.tcp-port", p.toString()));
    clientWsPort.ifPresent(p -> flags.put("gyre.node.client.ws-port", p.toString()));
    if (!seeds.isEmpty()) {
      flags.put("gyre.node.seed-nodes", String.join(",", seeds));
    }
    seedName.ifPresent(n -> flags.put("gyre.node.identity.seed-name", n));
    keyFile.ifPresent(f -> flags.put("gyre.node.identity.key-file", f.toString()));
    flags.putAll(settings);
    return flags;
  }

  private boolean verbose() {
    for (CommandLine.Model.CommandSpec level = spec; level != null; level = level.parent()) {
      if (level.findOption("--verbose") != null
          && Boolean.TRUE.equals(level.findOption("--verbose").getValue())) {
        return true;
      }
    }
    return false;
  }

  /** The CLI logs warnings only; a node also tells what it does (and traces particles if asked). */
  static void showLogs(NodeSettings settings) {
    if (System.getenv("GYRE_LOG_LEVEL") == null) {
      ((Logger) LoggerFactory.getLogger("io.gyre")).setLevel(Level.INFO);
      ((Logger) LoggerFactory.getLogger("gyre"))
          .setLevel(settings.trace().log() ? Level.INFO : Level.WARN);
    }
  }
}
