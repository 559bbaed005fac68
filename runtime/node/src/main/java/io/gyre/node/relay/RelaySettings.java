package io.gyre.node.relay;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.gyre.net.Multiaddr;
import io.gyre.node.config.NodeConfigException;
import io.gyre.node.config.NodeSettings;
import java.util.List;

/**
 * How a peer serves clients ({@code gyre.node.client.*}): where it listens, how many clients it
 * takes, and how much each may send.
 *
 * @param host the address to listen on
 * @param tcpPort 0 picks a free port
 * @param wsPort 0 picks a free port
 * @param maxParticleBytes script + data of one particle from a client
 * @param rate particles per second one client may send
 * @param burst particles one client may send at once above {@code rate}
 */
public record RelaySettings(
    boolean enabled,
    String host,
    int tcpPort,
    int wsPort,
    int maxClients,
    long maxParticleBytes,
    double rate,
    int burst) {

  static final String ROOT = "gyre.node.client";

  /** The largest particle a client could ever send: the framing bound is an int. */
  private static final long MAX_PARTICLE_BYTES = 1L << 30;

  public static RelaySettings from(NodeSettings node) {
    try {
      Config client = node.config().getConfig(ROOT);
      String host = client.getString("host").trim();
      return new RelaySettings(
          client.getBoolean("enabled"),
          host.isEmpty() ? node.host() : host,
          port(client, "tcp-port"),
          port(client, "ws-port"),
          atLeastOne(client, "max-clients"),
          particleBytes(client),
          rate(client),
          atLeastOne(client, "burst"));
    } catch (ConfigException e) {
      throw new NodeConfigException("configuration: " + e.getMessage(), e);
    }
  }

  /** The TCP and the WebSocket address to listen on. */
  public List<Multiaddr> listenAddresses() {
    String ip = host.contains(":") ? "/ip6/" : host.matches("[0-9.]+") ? "/ip4/" : "/dns/";
    return List.of(
        Multiaddr.parse(ip + host + "/tcp/" + tcpPort),
        Multiaddr.parse(ip + host + "/tcp/" + wsPort + "/ws"));
  }

  private static int port(Config config, String key) {
    int port = config.getInt(key);
    if (port < 0 || port > 65535) {
      throw invalid(key, port + "; a port is 0..65535 (0: any free one)");
    }
    return port;
  }

  private static int atLeastOne(Config config, String key) {
    int value = config.getInt(key);
    if (value < 1) {
      throw invalid(key, value + "; it must be at least 1");
    }
    return value;
  }

  private static long particleBytes(Config config) {
    long bytes = config.getBytes("max-particle-bytes");
    if (bytes < 1 || bytes > MAX_PARTICLE_BYTES) {
      throw invalid("max-particle-bytes", bytes + "; it must be 1 B..1 GiB");
    }
    return bytes;
  }

  private static double rate(Config config) {
    double rate = config.getDouble("rate");
    if (!(rate > 0)) {
      throw invalid("rate", rate + "; particles per second must be positive");
    }
    return rate;
  }

  private static NodeConfigException invalid(String key, String what) {
    return new NodeConfigException("configuration: " + ROOT + "." + key + " is " + what);
  }
}
