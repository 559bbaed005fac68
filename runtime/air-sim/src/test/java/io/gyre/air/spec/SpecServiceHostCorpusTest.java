package io.gyre.air.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.CallRequest;
import io.gyre.air.conformance.CanonicalJson;
import io.gyre.air.conformance.ConformanceCase;
import io.gyre.air.conformance.ConformanceCases;
import io.gyre.air.conformance.PeerNames;
import io.gyre.air.simulation.ServiceReply;
import io.gyre.air.simulation.SimulatedCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every service call the real oracle made in the conformance corpus, replayed in its order through
 * Gyre's host with the case's SPEC, gets the oracle's ret_code and result: the mocks, fixed
 * services and builtins answer as run-air's did, whatever the interpreter does.
 */
class SpecServiceHostCorpusTest {
  private static final Pattern PEER_REF = Pattern.compile("@peer:([A-Za-z0-9_]+)");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TestFactory
  Stream<DynamicTest> hostAnswersEveryOracleCall() {
    return ConformanceCases.load().stream()
        .filter(ConformanceCase::runnable)
        .map(kase -> DynamicTest.dynamicTest(kase.id(), () -> replay(kase)));
  }

  private static void replay(ConformanceCase kase) throws SpecException {
    SimulationSpec spec = SimulationSpec.parse(kase.spec().orElseThrow(), kase.directory());
    PeerNames names = PeerNames.of(kase.seeds());
    SpecServiceHost host = spec.newServiceHost();
    int key = 0;
    for (JsonNode call : kase.expected().get("calls")) {
      List<JsonNode> args = new ArrayList<>();
      call.get("args").forEach(a -> args.add(withIds(a, spec.peers())));
      CallRequest request =
          new CallRequest(
              ++key,
              call.get("service").asText(),
              call.get("function").asText(),
              args,
              Collections.nCopies(args.size(), List.of()));
      String peer = spec.peers().addNamed(call.get("peer").asText());
      ServiceReply reply =
          host.call(new SimulatedCall(peer, request, spec.particleId(), spec.initPeer(), 0));
      String what =
          call.get("peer").asText() + " " + request.serviceId() + "." + request.functionName();
      assertEquals(call.get("ret_code").asInt(), reply.result().retCode(), what);
      assertEquals(
          CanonicalJson.canon(call.get("result")),
          CanonicalJson.canon(names.normalize(reply.result().result())),
          what);
    }
  }

  /** The value with each {@code @peer:NAME} written as that peer's id again. */
  private static JsonNode withIds(JsonNode value, PeerBook peers) {
    if (value.isTextual()) {
      Matcher m = PEER_REF.matcher(value.textValue());
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(out, peers.addNamed(m.group(1)));
      }
      m.appendTail(out);
      return NODES.textNode(out.toString());
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      value.forEach(v -> out.add(withIds(v, peers)));
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), withIds(e.getValue(), peers));
      }
      return out;
    }
    return value;
  }
}
