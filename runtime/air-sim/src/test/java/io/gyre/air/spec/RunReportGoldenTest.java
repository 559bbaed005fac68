package io.gyre.air.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.js.JsJson;
import io.gyre.air.simulation.ServiceReply;
import io.gyre.air.simulation.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays what the real run-air recorded for each test SPEC: Gyre's service host must answer every
 * call as the oracle's did, and given the same events RunReport must print run-air's output byte
 * for byte (less AquaVM's data envelope; the trace counts call results).
 */
class RunReportGoldenTest {

  @TestFactory
  Stream<DynamicTest> hostAnswersEveryRecordedCallAsTheOracle() {
    return OracleOutputs.specs().stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(spec.getFileName().toString(), () -> replayCalls(spec)));
  }

  @TestFactory
  Stream<DynamicTest> reportPrintsWhatRunAirPrinted() {
    return OracleOutputs.specs().stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(spec.getFileName().toString(), () -> compareReport(spec)));
  }

  private static SpecServiceHost replayCalls(Path specFile) throws SpecException {
    SimulationSpec spec = SimulationSpec.read(specFile);
    JsonNode out = OracleOutputs.read(OracleOutputs.output(specFile));
    SpecServiceHost host = spec.newServiceHost();
    for (JsonNode call : out.get("calls")) {
      ServiceReply reply =
          host.call(OracleOutputs.simulatedCall(call, spec.particleId(), spec.initPeer()));
      String what = call.get("service").asText() + "." + call.get("function").asText();
      assertEquals(call.get("ret_code").asInt(), reply.result().retCode(), what + " ret_code");
      assertEquals(
          JsJson.stringify(call.get("result"), 4),
          JsJson.stringify(reply.result().result(), 4),
          what + " result");
      if (what.equals("peer.timeout")) {
        assertEquals(call.get("args").get(0).asLong(), reply.delayMs(), "virtual delay");
      }
    }
    return host;
  }

  private static void compareReport(Path specFile) throws SpecException, IOException {
    SimulationSpec spec = SimulationSpec.read(specFile);
    JsonNode out = OracleOutputs.read(OracleOutputs.output(specFile));
    SpecServiceHost host = replayCalls(specFile);
    SimulationResult result = resultOf(out);

    String printed = RunReport.print(RunReport.of(spec, result, host, false));
    assertEquals(
        withoutEnvelopeAndTrace(Files.readString(OracleOutputs.output(specFile))), printed);

    ObjectNode withTrace = RunReport.of(spec, result, host, true);
    ArrayNode expectedTrace = ((ArrayNode) out.get("trace")).deepCopy();
    expectedTrace.forEach(s -> ((ObjectNode) s).put("call_results", s.get("call_results").size()));
    assertEquals(JsJson.stringify(expectedTrace), JsJson.stringify(withTrace.get("trace")));
  }

  /** run-air's text without the AquaVM-only {@code data_envelope} and the {@code trace}. */
  private static String withoutEnvelopeAndTrace(String text) {
    return text.replaceFirst("\n  \"data_envelope\": (null|\\{[^}]*\\}),", "")
        .replaceFirst(",\n  \"trace\": \\[[\\s\\S]*\\n  \\]\\n\\}\\n$", "\n}\n");
  }

  /** The events of the oracle's run as Gyre's simulator reports them. */
  private static SimulationResult resultOf(JsonNode out) {
    List<SimulationResult.Call> calls = new ArrayList<>();
    for (JsonNode c : out.get("calls")) {
      List<JsonNode> args = new ArrayList<>();
      c.get("args").forEach(args::add);
      calls.add(
          new SimulationResult.Call(
              c.get("step").asInt(),
              c.get("peer").asText(),
              c.get("key").asInt(),
              c.get("service").asText(),
              c.get("function").asText(),
              args,
              c.get("ret_code").asInt(),
              c.get("result")));
    }
    List<SimulationResult.FailedRun> failed = new ArrayList<>();
    for (JsonNode f : out.get("interpreter_errors")) {
      failed.add(
          new SimulationResult.FailedRun(
              f.get("step").asInt(),
              f.get("peer").asText(),
              f.get("ret_code").asInt(),
              f.get("message").asText()));
    }
    List<SimulationResult.Undelivered> undelivered = new ArrayList<>();
    for (JsonNode u : out.get("undelivered")) {
      undelivered.add(
          new SimulationResult.Undelivered(
              u.get("step").asInt(), u.get("from").asText(), u.get("to").asText()));
    }
    List<SimulationResult.Step> trace = new ArrayList<>();
    for (JsonNode s : out.get("trace")) {
      trace.add(
          new SimulationResult.Step(
              s.get("step").asInt(),
              s.get("peer").asText(),
              s.get("from").isNull() ? "" : s.get("from").asText(),
              s.get("in_data_bytes").asInt(),
              s.get("call_results").size(),
              s.get("ret_code").asInt(),
              s.get("out_data_bytes").asInt(),
              texts(s.get("next_peers")),
              texts(s.get("call_requests"))));
    }
    Map<String, Integer> finalData = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = out.get("final_data_bytes").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      finalData.put(e.getKey(), e.getValue().asInt());
    }
    return new SimulationResult(
        out.get("quiescent").asBoolean(),
        out.get("steps").asInt(),
        calls,
        failed,
        undelivered,
        trace,
        finalData,
        out.get("hops").asInt(),
        out.get("bytes_sent").asLong());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out;
  }
}
