package io.gyre.node.conformance;

import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.simulation.ServiceReply;
import io.gyre.air.simulation.SimulatedCall;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecException;
import io.gyre.air.spec.SpecServiceHost;
import io.gyre.node.GyreNode;
import io.gyre.node.particle.ParticleSession;
import io.gyre.node.services.JavaService;
import io.gyre.node.services.ServiceCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The conformance cases' mock services as Java services on real peers. A particle's id names its
 * case ({@code CASE~UUID}); each particle gets that case's run-air service host (its mocks, the
 * fixed {@code peer.identify}/{@code peer.timestamp_*} values, {@code getDataSrv}, {@code
 * callbackSrv}, {@code errorHandlingSrv}). Everything else — {@code op math cmp array json debug},
 * unknown services — is the peers' own.
 */
public final class ConformanceServices {
  private static final Set<String> SESSION_SERVICES =
      Set.of("getDataSrv", "callbackSrv", "errorHandlingSrv");

  private final Map<String, SimulationSpec> specs = new LinkedHashMap<>();
  private final Map<String, SpecServiceHost> hosts = new ConcurrentHashMap<>();

  public ConformanceServices(List<ConformanceCase> cases) {
    for (ConformanceCase kase : cases) {
      if (kase.runnable()) {
        try {
          specs.put(kase.id(), SimulationSpec.parse(kase.spec().orElseThrow(), kase.directory()));
        } catch (SpecException e) {
          throw new IllegalStateException("case " + kase.id() + ": " + e.getMessage(), e);
        }
      }
    }
  }

  public SimulationSpec spec(String caseId) {
    return specs.get(caseId);
  }

  public static String particleId(String caseId) {
    return caseId + "~" + java.util.UUID.randomUUID();
  }

  /** The host of a particle's case (one per particle, made on first use). */
  public SpecServiceHost host(String particleId) {
    return hosts.computeIfAbsent(particleId, id -> specs.get(caseOf(id)).newServiceHost());
  }

  /**
   * Every service id some case mocks, and {@code peer} (the oracle's fixed identify/timestamps).
   */
  public Set<String> mockedServiceIds() {
    Set<String> ids = new TreeSet<>(List.of("peer"));
    for (SimulationSpec spec : specs.values()) {
      spec.services()
          .fieldNames()
          .forEachRemaining(key -> ids.add(key.substring(0, key.lastIndexOf('.'))));
    }
    return ids;
  }

  /** Registers the mocked services on every peer the node hosts. */
  public void registerOn(GyreNode node) {
    for (var peer : node.peerIds()) {
      for (String serviceId : mockedServiceIds()) {
        node.registerService(peer, serviceId, service());
      }
    }
  }

  private JavaService service() {
    return call -> answer(call);
  }

  /** The init peer's session for a particle: the run-air fixed services of its case. */
  public ParticleSession session(String particleId) {
    return new ParticleSession() {
      @Override
      public Optional<CallResult> answer(ServiceCall call) {
        if (!SESSION_SERVICES.contains(call.serviceId())) {
          return Optional.empty();
        }
        return Optional.of(ConformanceServices.this.answer(call).join());
      }

      @Override
      public void failed(String reason) {}

      @Override
      public void expired() {}
    };
  }

  private CompletableFuture<CallResult> answer(ServiceCall call) {
    SpecServiceHost host = host(call.particleId());
    CallRequest request =
        new CallRequest(
            0, call.serviceId(), call.functionName(), call.arguments(), call.tetraplets());
    ServiceReply reply;
    synchronized (host) {
      reply =
          host.call(
              new SimulatedCall(
                  call.hostPeerId(),
                  request,
                  call.particleId(),
                  call.initPeerId(),
                  System.currentTimeMillis()));
    }
    if (reply.delayMs() == 0) {
      return CompletableFuture.completedFuture(reply.result());
    }
    return CompletableFuture.supplyAsync(
        reply::result, CompletableFuture.delayedExecutor(reply.delayMs(), TimeUnit.MILLISECONDS));
  }

  static String caseOf(String particleId) {
    int tilde = particleId.indexOf('~');
    return tilde < 0 ? particleId : particleId.substring(0, tilde);
  }
}
