package io.gyre.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.node.particle.ParticleTrace;
import io.gyre.node.run.RunResult;
import java.util.Collection;
import java.util.Locale;

/** The JSON the HTTP API answers with (snake_case, as Fluence's tools write it). */
public final class JsonViews {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private JsonViews() {}

  public static ObjectNode runResult(RunResult result) {
    ObjectNode out = JSON.objectNode();
    out.put("particle_id", result.particleId());
    out.put("status", result.status().name().toLowerCase(Locale.ROOT));
    out.put("ok", result.ok());
    out.set("response", result.response().orElse(JSON.nullNode()));
    out.set("errors", JSON.arrayNode().addAll(result.errors()));
    result.message().ifPresent(m -> out.put("message", m));
    out.put("elapsed_ms", result.elapsedMs());
    return out;
  }

  public static ObjectNode trace(ParticleTrace.Snapshot trace) {
    ObjectNode out = JSON.objectNode();
    out.put("particle_id", trace.particleId());
    out.put("pending_work", trace.pendingWork());
    ArrayNode hops = out.putArray("hops");
    for (ParticleTrace.Hop hop : trace.hops()) {
      hops.addObject()
          .put("at_ms", hop.atMs())
          .put("kind", hop.kind().name().toLowerCase(Locale.ROOT))
          .put("peer", hop.peerId())
          .put("other", hop.otherPeerId());
      if (!hop.detail().isEmpty()) {
        ((ObjectNode) hops.get(hops.size() - 1)).put("detail", hop.detail());
      }
    }
    ArrayNode calls = out.putArray("calls");
    for (ParticleTrace.Call call : trace.calls()) {
      ObjectNode node = calls.addObject();
      node.put("at_ms", call.atMs())
          .put("peer", call.peerId())
          .put("service", call.serviceId())
          .put("function", call.functionName());
      node.set("args", JSON.arrayNode().addAll(call.arguments()));
      node.put("ret_code", call.retCode());
      node.set("result", call.result());
      node.put("micros", call.micros());
    }
    ArrayNode failures = out.putArray("interpreter_errors");
    for (ParticleTrace.Failure failure : trace.failures()) {
      failures
          .addObject()
          .put("at_ms", failure.atMs())
          .put("peer", failure.peerId())
          .put("ret_code", failure.retCode())
          .put("message", failure.message());
    }
    return out;
  }

  public static ArrayNode services(Collection<ListedService> services) {
    ArrayNode out = JSON.arrayNode();
    for (ListedService listed : services) {
      out.add(
          io.gyre.node.builtins.SrvBuiltin.serviceJson(listed.service())
              .put("reachable", listed.reachable()));
    }
    return out;
  }

  public static ObjectNode cluster(io.gyre.node.cluster.ClusterHealth health) {
    ObjectNode out = JSON.objectNode();
    health.members().forEach(out.putArray("members")::add);
    health.unreachable().forEach(out.putArray("unreachable")::add);
    out.put("in_majority", health.inMajority());
    health.missing().forEach(out.putArray("remembered_missing")::add);
    return out;
  }

  public static ObjectNode error(String message) {
    return JSON.objectNode().put("error", message);
  }

  static JsonNode nullNode() {
    return JSON.nullNode();
  }
}
