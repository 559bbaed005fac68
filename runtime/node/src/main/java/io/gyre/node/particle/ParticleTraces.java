package io.gyre.node.particle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The traces of the most recent particles a node saw, at most {@code keep} of them (the oldest go
 * first). With {@code keep} 0 nothing is kept.
 */
public final class ParticleTraces {
  private final int keep;
  private final Map<String, ParticleTrace> traces;

  public ParticleTraces(int keep) {
    this.keep = keep;
    this.traces =
        new LinkedHashMap<>(16, 0.75f, false) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ParticleTrace> eldest) {
            return size() > ParticleTraces.this.keep;
          }
        };
  }

  public boolean enabled() {
    return keep > 0;
  }

  /** The trace for {@code particleId}, made on first use; empty when tracing is off. */
  synchronized Optional<ParticleTrace> forParticle(String particleId) {
    if (keep == 0) {
      return Optional.empty();
    }
    return Optional.of(traces.computeIfAbsent(particleId, ParticleTrace::new));
  }

  public synchronized Optional<ParticleTrace.Snapshot> snapshot(String particleId) {
    ParticleTrace trace = traces.get(particleId);
    return trace == null ? Optional.empty() : Optional.of(trace.snapshot());
  }
}
