package io.gyre.air.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.js.JsJson;
import io.gyre.air.simulation.SimulationResult;
import java.util.List;

/**
 * run-air's output JSON for a simulated run (../shared/oracle/README.md, "Output"), field for field
 * and in its order: {@code ok} is quiescent with no interpreter error, no {@code errorHandlingSrv}
 * call and nothing undelivered; {@code response} is the first {@code callbackSrv.response} on the
 * init peer. Peer ids are raw. AquaVM's {@code data_envelope} has no counterpart in Gyre's data and
 * is left out; the trace, when asked for, counts each step's call results instead of listing their
 * keys.
 */
public final class RunReport {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RunReport() {}

  /** The report as JSON. */
  public static ObjectNode of(
      SimulationSpec spec, SimulationResult result, SpecServiceHost host, boolean withTrace) {
    String init = spec.initPeer();
    ObjectNode out = NODES.objectNode();
    out.put(
        "ok",
        result.quiescent()
            && result.interpreterErrors().isEmpty()
            && host.errors().isEmpty()
            && result.undelivered().isEmpty());
    out.put("quiescent", result.quiescent());
    out.put("steps", result.steps());
    out.put("init_peer", init);
    out.put("relay", spec.relay());
    ObjectNode peers = out.putObject("peers");
    spec.simulatedPeers().forEach(p -> peers.set(p, aliasNode(spec, p)));
    out.set(
        "response",
        host.responses().stream()
            .filter(r -> r.peer().equals(init))
            .findFirst()
            .map(SpecServiceHost.Recorded::value)
            .orElse(NODES.nullNode()));
    out.set("responses", recorded(host.responses(), "value"));
    out.set("errors", recorded(host.errors(), "args"));
    out.set("prints", recorded(host.prints(), "args"));
    out.set("interpreter_errors", interpreterErrors(result));
    out.set("undelivered", undelivered(result));
    ArrayNode initCalls = out.putArray("init_peer_calls");
    ArrayNode calls = out.putArray("calls");
    ObjectNode byPeer = NODES.objectNode();
    for (SimulationResult.Call call : result.calls()) {
      ObjectNode c = call(spec, call);
      calls.add(c);
      if (call.peerId().equals(init)) {
        initCalls.add(c);
      }
      ObjectNode withoutPeer = c.deepCopy();
      withoutPeer.remove(List.of("peer", "peer_alias"));
      byPeer.withArray(call.peerId()).add(withoutPeer);
    }
    out.set("calls_by_peer", byPeer);
    ObjectNode finalData = out.putObject("final_data_bytes");
    spec.simulatedPeers()
        .forEach(p -> finalData.put(p, result.finalDataBytes().getOrDefault(p, 0)));
    out.put("hops", result.hops());
    out.put("bytes_sent", result.bytesSent());
    ObjectNode particle = out.putObject("particle");
    particle.put("id", spec.particleId());
    particle.put("init_peer_id", init);
    particle.put("timestamp", spec.timestampMs());
    particle.put("ttl", spec.ttlMs());
    particle.put("signature_b64", spec.particleSignatureBase64());
    if (withTrace) {
      out.set("trace", trace(result));
    }
    return out;
  }

  /** The report as run-air prints it: {@code JSON.stringify(report, null, 2)} and a newline. */
  public static String print(ObjectNode report) {
    return JsJson.stringify(report, 2) + "\n";
  }

  private static JsonNode aliasNode(SimulationSpec spec, String peer) {
    return spec.peers().alias(peer).<JsonNode>map(NODES::textNode).orElse(NODES.nullNode());
  }

  private static ArrayNode recorded(List<SpecServiceHost.Recorded> records, String field) {
    ArrayNode out = NODES.arrayNode();
    for (SpecServiceHost.Recorded r : records) {
      ObjectNode o = out.addObject();
      o.put("peer", r.peer());
      o.set(field, r.value());
    }
    return out;
  }

  private static ArrayNode interpreterErrors(SimulationResult result) {
    ArrayNode out = NODES.arrayNode();
    for (SimulationResult.FailedRun f : result.interpreterErrors()) {
      ObjectNode o = out.addObject();
      o.put("step", f.step());
      o.put("peer", f.peerId());
      o.put("ret_code", f.retCode());
      o.put("message", f.message());
    }
    return out;
  }

  private static ArrayNode undelivered(SimulationResult result) {
    ArrayNode out = NODES.arrayNode();
    for (SimulationResult.Undelivered u : result.undelivered()) {
      ObjectNode o = out.addObject();
      o.put("step", u.step());
      o.put("from", u.fromPeerId());
      o.put("to", u.toPeerId());
    }
    return out;
  }

  private static ObjectNode call(SimulationSpec spec, SimulationResult.Call call) {
    ObjectNode c = NODES.objectNode();
    c.put("step", call.step());
    c.put("peer", call.peerId());
    c.set("peer_alias", aliasNode(spec, call.peerId()));
    c.put("key", call.key());
    c.put("service", call.serviceId());
    c.put("function", call.functionName());
    c.set("args", NODES.arrayNode().addAll(call.args()));
    c.put("ret_code", call.retCode());
    c.set("result", call.result());
    return c;
  }

  private static ArrayNode trace(SimulationResult result) {
    ArrayNode out = NODES.arrayNode();
    for (SimulationResult.Step s : result.trace()) {
      ObjectNode o = out.addObject();
      o.put("step", s.step());
      o.put("peer", s.peerId());
      if (s.fromPeerId().isEmpty()) {
        o.putNull("from");
      } else {
        o.put("from", s.fromPeerId());
      }
      o.put("in_data_bytes", s.inDataBytes());
      o.put("call_results", s.callResults());
      o.put("ret_code", s.retCode());
      o.put("out_data_bytes", s.outDataBytes());
      ArrayNode next = o.putArray("next_peers");
      s.nextPeers().forEach(next::add);
      ArrayNode requests = o.putArray("call_requests");
      s.callRequests().forEach(requests::add);
    }
    return out;
  }
}
