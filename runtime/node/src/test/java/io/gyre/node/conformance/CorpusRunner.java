package io.gyre.node.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.conformance.CompareOptions;
import io.gyre.air.conformance.Comparison;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceComparator;
import io.gyre.air.particle.Particle;
import io.gyre.air.particle.ParticleSignature;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecServiceHost;
import io.gyre.identity.PeerId;
import io.gyre.node.GyreNode;
import io.gyre.node.http.JsonViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a conformance case through a real cluster: the test's client node holds the init peer's key
 * and starts the particle; the run ends when the particle is quiet everywhere (every send received,
 * no peer with work pending); the result is written in run-air's output format from the nodes'
 * particle traces and the init peer's recordings.
 */
public final class CorpusRunner {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Where a node's trace of a particle is read (in-process, or over its HTTP API). */
  public interface TraceSource {
    Optional<JsonNode> trace(String particleId);
  }

  private final GyreNode client;
  private final ConformanceServices services;
  private final List<TraceSource> sources;

  /**
   * @param sources every node of the cluster, the client's included
   */
  public CorpusRunner(GyreNode client, ConformanceServices services, List<TraceSource> sources) {
    this.client = client;
    this.services = services;
    this.sources = List.copyOf(sources);
  }

  public static TraceSource local(GyreNode node) {
    return id -> node.traces().snapshot(id).map(JsonViews::trace);
  }

  /** Starts the case's particle; completes with its id (the run goes on in the cluster). */
  public String start(ConformanceCase kase) throws Exception {
    SimulationSpec spec = services.spec(kase.id());
    String particleId = ConformanceServices.particleId(kase.id());
    PeerId init = PeerId.parse(spec.initPeer()).orElseThrow();
    Particle particle =
        ParticleSignature.sign(
            client.key(init), particleId, System.currentTimeMillis(), spec.ttlMs(), spec.air());
    Optional<String> refusal =
        client
            .startParticle(init, particle, services.session(particleId))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    if (refusal.isPresent()) {
      throw new IllegalStateException(
          "case " + kase.id() + ": the init peer refused the particle: " + refusal.get());
    }
    return particleId;
  }

  /** Runs every case and compares it (compare.mjs's rules); returns the failures' reports. */
  public List<String> failures(List<ConformanceCase> cases) throws Exception {
    List<String> failures = new ArrayList<>();
    for (ConformanceCase kase : cases) {
      ObjectNode actual = run(kase);
      Comparison comparison = ConformanceComparator.compare(actual, kase, CompareOptions.DEFAULT);
      if (!comparison.passed()) {
        failures.add(comparison.report() + "\n  actual: " + actual);
      }
    }
    return failures;
  }

  /** Runs one case to quiescence (or its TTL) and reports it as run-air does. */
  public ObjectNode run(ConformanceCase kase) throws Exception {
    String particleId = start(kase);
    boolean quiescent = awaitQuiet(particleId, services.spec(kase.id()).ttlMs() + 5_000);
    return report(kase, particleId, quiescent);
  }

  /** Waits until every send of the particle was received and no node has work pending for it. */
  public boolean awaitQuiet(String particleId, long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    String previous = "";
    while (System.currentTimeMillis() < deadline) {
      long sent = 0;
      long received = 0;
      long pending = 0;
      for (JsonNode trace : traces(particleId)) {
        pending += trace.path("pending_work").asLong();
        for (JsonNode hop : trace.path("hops")) {
          switch (hop.path("kind").asText()) {
            case "sent" -> sent++;
            case "received" -> received++;
            default -> {}
          }
        }
      }
      String counts = sent + "/" + received + "/" + pending;
      if (sent == received && pending == 0 && counts.equals(previous)) {
        return true;
      }
      previous = sent == received && pending == 0 ? counts : "";
      Thread.sleep(40);
    }
    return false;
  }

  private List<JsonNode> traces(String particleId) {
    List<JsonNode> traces = new ArrayList<>();
    for (TraceSource source : sources) {
      source.trace(particleId).ifPresent(traces::add);
    }
    return traces;
  }

  ObjectNode report(ConformanceCase kase, String particleId, boolean quiescent) {
    SimulationSpec spec = services.spec(kase.id());
    SpecServiceHost host = services.host(particleId);
    ArrayNode calls = JSON.arrayNode();
    ArrayNode interpreterErrors = JSON.arrayNode();
    ArrayNode undelivered = JSON.arrayNode();
    for (JsonNode trace : traces(particleId)) {
      for (JsonNode call : trace.path("calls")) {
        ObjectNode c = calls.addObject();
        c.set("peer", call.get("peer"));
        c.set("service", call.get("service"));
        c.set("function", call.get("function"));
        c.set("args", call.get("args"));
        c.set("ret_code", call.get("ret_code"));
        c.set("result", call.get("result"));
      }
      for (JsonNode failure : trace.path("interpreter_errors")) {
        interpreterErrors
            .addObject()
            .put("peer", failure.path("peer").asText())
            .put("ret_code", failure.path("ret_code").asInt())
            .put("message", failure.path("message").asText());
      }
      for (JsonNode hop : trace.path("hops")) {
        if (hop.path("kind").asText().equals("undelivered")) {
          undelivered
              .addObject()
              .put("from", hop.path("peer").asText())
              .put("to", hop.path("other").asText());
        }
      }
    }
    ObjectNode out = JSON.objectNode();
    List<SpecServiceHost.Recorded> responses = host.responses();
    List<SpecServiceHost.Recorded> errors = host.errors();
    out.put(
        "ok",
        quiescent && interpreterErrors.isEmpty() && errors.isEmpty() && undelivered.isEmpty());
    out.put("quiescent", quiescent);
    out.set(
        "response",
        responses.stream()
            .filter(r -> r.peer().equals(spec.initPeer()))
            .findFirst()
            .map(SpecServiceHost.Recorded::value)
            .orElse(JSON.nullNode()));
    ArrayNode responseList = out.putArray("responses");
    responses.forEach(r -> responseList.addObject().put("peer", r.peer()).set("value", r.value()));
    ArrayNode errorList = out.putArray("errors");
    errors.forEach(e -> errorList.addObject().put("peer", e.peer()).set("args", e.value()));
    out.set("interpreter_errors", interpreterErrors);
    out.set("undelivered", undelivered);
    out.putArray("prints");
    out.set("calls", calls);
    return out;
  }
}
