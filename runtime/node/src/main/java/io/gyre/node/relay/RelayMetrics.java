package io.gyre.node.relay;

import io.gyre.air.particle.ParticleError;
import io.gyre.node.metrics.NodeMetrics;
import io.prometheus.metrics.core.metrics.Counter;

/**
 * What the relay counts, in the node's registry: particles from and to clients, and every error
 * sent to a client by its code ({@code gyre_client_errors_total{code}}: refusals of the relay, of
 * its peer, and particles with no route). Attached clients are a gauge.
 */
final class RelayMetrics {
  final Counter received;
  final Counter delivered;
  private final Counter errors;

  RelayMetrics(NodeMetrics metrics, AttachedClients clients) {
    received =
        metrics.counter("gyre_client_particles_received", "Particles that arrived from clients");
    delivered =
        metrics.counter("gyre_client_particles_delivered", "Particles delivered to clients");
    errors =
        metrics.counter(
            "gyre_client_errors", "Errors sent to clients (refusals, no route), by code", "code");
    for (ParticleError.Code code : ParticleError.Code.values()) {
      errors.initLabelValues(code.label());
    }
    metrics.gauge("gyre_clients_attached", "Clients attached to this node's relay", clients::size);
  }

  void error(ParticleError.Code code) {
    errors.labelValues(code.label()).inc();
  }
}
