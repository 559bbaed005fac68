package io.gyre.bench.air;

import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.air.simulation.SimulatedCall;
import io.gyre.air.spec.SimulationSpec;
import io.gyre.air.spec.SpecServiceHost;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates a SPEC the way run-air.mjs (and bench-avm.mjs) schedule it — a FIFO queue, next peers
 * sorted, all call results of a run handed back together unless {@code one_result_per_run} — and
 * records every interpreter run's inputs, so a benchmark can time the interpreter alone (BENCH.md's
 * "interp": bytes in to bytes out), outside mocks and bookkeeping.
 */
final class CorpusRecorder {
  private static final byte[] EMPTY = new byte[0];

  private record WorkItem(String peer, byte[] data, Map<Integer, CallResult> callResults) {}

  private CorpusRecorder() {}

  static List<RecordedRun> record(String caseId, SimulationSpec spec, Interpreter interpreter) {
    SpecServiceHost host = spec.newServiceHost();
    Map<String, byte[]> prevData = new HashMap<>();
    spec.simulatedPeers().forEach(p -> prevData.put(p, EMPTY));
    Deque<WorkItem> queue = new ArrayDeque<>();
    queue.add(new WorkItem(spec.initPeer(), EMPTY, Map.of()));
    List<RecordedRun> runs = new ArrayList<>();
    while (!queue.isEmpty() && runs.size() < spec.maxSteps()) {
      WorkItem item = queue.removeFirst();
      RunContext context =
          new RunContext(
              spec.peers().key(item.peer()),
              spec.particleId(),
              spec.initPeer(),
              spec.timestampMs(),
              spec.ttlMs(),
              spec.timestampMs());
      RecordedRun run =
          new RecordedRun(
              caseId,
              spec.air(),
              prevData.get(item.peer()),
              item.data(),
              item.callResults(),
              context);
      runs.add(run);
      Outcome outcome =
          interpreter.run(run.script(), run.prevData(), run.data(), run.callResults(), context);
      if (!outcome.succeeded()) {
        continue; // like js-client: the data is not kept and nothing is sent
      }
      prevData.put(item.peer(), outcome.data());
      outcome.nextPeers().stream()
          .sorted()
          .filter(prevData::containsKey)
          .forEach(next -> queue.add(new WorkItem(next, outcome.data(), Map.of())));
      Map<Integer, CallResult> results = new LinkedHashMap<>();
      for (CallRequest request : outcome.callRequests()) {
        SimulatedCall call =
            new SimulatedCall(
                item.peer(), request, spec.particleId(), spec.initPeer(), spec.timestampMs());
        results.put(request.key(), host.call(call).result());
      }
      if (results.isEmpty()) {
        continue;
      }
      if (spec.oneResultPerRun()) {
        results.forEach(
            (key, result) -> queue.add(new WorkItem(item.peer(), EMPTY, Map.of(key, result))));
      } else {
        queue.add(new WorkItem(item.peer(), EMPTY, results));
      }
    }
    return runs;
  }
}
