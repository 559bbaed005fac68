package io.gyre.air.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.AirLimits;
import io.gyre.air.simulation.SimulationResult;
import io.gyre.air.simulation.SimulationSetup;
import io.gyre.air.simulation.Simulator;
import io.gyre.identity.KeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Test-only: runs a conformance case's SPEC in the simulator and prints run-air's output. */
public final class CaseRunner {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CaseRunner() {}

  public static Path casesDir() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/cases");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      Path sibling = p.resolveSibling("shared").resolve("conformance/cases");
      if (Files.isDirectory(sibling)) {
        return sibling;
      }
    }
    throw new IllegalStateException("conformance cases not found above " + here);
  }

  public static ObjectNode run(JsonNode spec, long seed) {
    Map<String, String> aliases = new HashMap<>();
    Map<String, KeyPair> byName = new HashMap<>();
    List<String> names =
        new ArrayList<>(List.of("init", "relay", "client", "alice", "bob", "carol", "dave", "eve"));
    for (int i = 0; i < 32; i++) {
      names.add("peer" + i);
    }
    spec.path("seeds").forEach(s -> names.add(s.asText()));
    for (String n : names) {
      KeyPair k = KeyPair.fromSeedName(n);
      byName.put(n, k);
      aliases.putIfAbsent(k.peerId().base58(), n);
    }
    KeyPair init = byName.get(spec.path("init_peer").asText("init"));
    List<KeyPair> others = new ArrayList<>();
    for (JsonNode p : spec.path("peers")) {
      others.add(byName.get(p.asText()));
    }
    String relayName =
        spec.has("relay") ? spec.get("relay").asText() : spec.path("peers").path(0).asText();
    KeyPair relay = byName.get(relayName);
    if (!others.contains(relay)) {
      others.add(relay);
    }
    JsonNode args = substitute(spec.path("args"), byName);
    JsonNode services = substitute(spec.path("services"), byName);
    MockServices host = new MockServices(services, args, relay.peerId().base58(), aliases);
    SimulationSetup setup =
        new SimulationSetup(
            init,
            others,
            spec.path("particle_id").asText("oracle-particle-0001"),
            spec.path("timestamp_ms").asLong(1700000000000L),
            spec.path("ttl_ms").asLong(10000),
            seed,
            spec.path("max_steps").asInt(1000),
            spec.path("one_result_per_run").asBoolean(false),
            AirLimits.AQUAVM_DEFAULTS);
    SimulationResult result = Simulator.run(spec.get("air").asText(), setup, host);
    String initId = init.peerId().base58();
    ObjectNode out = NODES.objectNode();
    boolean ok =
        result.interpreterErrors().isEmpty()
            && result.quiescent()
            && host.errors.isEmpty()
            && result.undelivered().isEmpty();
    out.put("ok", ok);
    out.put("quiescent", result.quiescent());
    out.put("steps", result.steps());
    JsonNode response = NODES.nullNode();
    for (ObjectNode r : host.responses) {
      if (r.get("peer").asText().equals(initId)) {
        response = r.get("value");
        break;
      }
    }
    out.set("response", response);
    ArrayNode responses = out.putArray("responses");
    host.responses.forEach(responses::add);
    ArrayNode errors = out.putArray("errors");
    host.errors.forEach(errors::add);
    ArrayNode prints = out.putArray("prints");
    host.prints.forEach(prints::add);
    ArrayNode ie = out.putArray("interpreter_errors");
    for (SimulationResult.FailedRun f : result.interpreterErrors()) {
      ie.addObject()
          .put("step", f.step())
          .put("peer", f.peerId())
          .put("ret_code", f.retCode())
          .put("message", f.message());
    }
    ArrayNode und = out.putArray("undelivered");
    for (SimulationResult.Undelivered u : result.undelivered()) {
      und.addObject().put("step", u.step()).put("from", u.fromPeerId()).put("to", u.toPeerId());
    }
    ArrayNode calls = out.putArray("calls");
    for (SimulationResult.Call c : result.calls()) {
      ObjectNode o = calls.addObject();
      o.put("step", c.step())
          .put("peer", c.peerId())
          .put("key", c.key())
          .put("service", c.serviceId())
          .put("function", c.functionName());
      ArrayNode a = o.putArray("args");
      c.args().forEach(a::add);
      o.put("ret_code", c.retCode());
      o.set("result", c.result());
    }
    ArrayNode trace = out.putArray("trace");
    for (SimulationResult.Step s : result.trace()) {
      ObjectNode o = trace.addObject();
      o.put("step", s.step())
          .put("peer", aliases.getOrDefault(s.peerId(), s.peerId()))
          .put("from", aliases.getOrDefault(s.fromPeerId(), s.fromPeerId()));
      o.put("ret_code", s.retCode())
          .put("in", s.inDataBytes())
          .put("out", s.outDataBytes())
          .put("results", s.callResults());
      ArrayNode np = o.putArray("next");
      s.nextPeers().forEach(p -> np.add(aliases.getOrDefault(p, p)));
      ArrayNode cr = o.putArray("requests");
      s.callRequests().forEach(cr::add);
    }
    return out;
  }

  private static JsonNode substitute(JsonNode v, Map<String, KeyPair> byName) {
    if (v.isTextual() && v.asText().startsWith("@peer:")) {
      return NODES.textNode(byName.get(v.asText().substring(6)).peerId().base58());
    }
    if (v.isArray()) {
      ArrayNode a = NODES.arrayNode();
      v.forEach(x -> a.add(substitute(x, byName)));
      return a;
    }
    if (v.isObject()) {
      ObjectNode o = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(e.getKey(), substitute(e.getValue(), byName));
      }
      return o;
    }
    return v;
  }

  /** Runs every case under {@code seed} and writes ACTUAL files for compare.mjs. */
  public static void main(String[] argv) throws Exception {
    Path out = Path.of(argv.length > 0 ? argv[0] : "target/conformance");
    long seed = argv.length > 1 ? Long.parseLong(argv[1]) : 0;
    Files.createDirectories(out);
    try (var dirs = Files.list(casesDir())) {
      for (Path dir : dirs.sorted().toList()) {
        JsonNode c = MAPPER.readTree(dir.resolve("case.json").toFile());
        if (!c.has("spec")) {
          continue;
        }
        ObjectNode actual;
        try {
          actual = run(c.get("spec"), seed);
        } catch (RuntimeException e) {
          actual = NODES.objectNode();
          actual.put("crash", e.toString());
          e.printStackTrace();
        }
        Files.writeString(
            out.resolve(dir.getFileName() + ".json"),
            MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
      }
    }
  }
}
