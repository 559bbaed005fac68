package io.gyre.node.particle;

import io.gyre.air.Interpreter;
import io.gyre.identity.KeyPair;
import io.gyre.node.config.NodeSettings;
import io.gyre.node.metrics.NodeMetrics;
import io.gyre.node.services.LocalServices;
import java.time.Clock;

/**
 * What a hosted peer's particle actors work with: the peer's key and services, and the node's
 * interpreter, routes to other peers, limits, metrics, traces and clock.
 */
public record PeerRuntime(
    KeyPair key,
    LocalServices services,
    Interpreter interpreter,
    PeerRoutes routes,
    NodeSettings.Limits limits,
    NodeMetrics metrics,
    ParticleTraces traces,
    boolean traceLog,
    Clock clock) {

  public String peerId() {
    return key.peerId().base58();
  }
}
