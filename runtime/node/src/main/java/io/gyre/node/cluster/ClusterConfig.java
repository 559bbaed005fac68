package io.gyre.node.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.gyre.node.config.NodeSettings;
import java.util.List;

/** The Akka settings that make a node a member of the Gyre cluster. */
public final class ClusterConfig {
  /** Every node's actor system has this name: Akka only clusters systems of one name. */
  public static final String SYSTEM_NAME = "gyre";

  private ClusterConfig() {}

  public static Config akkaConfig(NodeSettings settings) {
    List<String> seeds =
        settings.seedNodes().stream()
            .map(seed -> "akka://" + SYSTEM_NAME + "@" + seed.host() + ":" + seed.port())
            .toList();
    return ConfigFactory.empty()
        .withValue(
            "akka.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(settings.host()))
        .withValue(
            "akka.remote.artery.canonical.port",
            ConfigValueFactory.fromAnyRef(settings.clusterPort()))
        .withValue("akka.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds))
        .withValue(
            "akka.coordinated-shutdown.phases.service-requests-done.timeout",
            ConfigValueFactory.fromAnyRef(
                settings.drainTimeout().plusSeconds(1).toMillis() + "ms"));
  }
}
