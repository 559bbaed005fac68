package io.gyre.bench.air;

import io.gyre.air.CallResult;
import io.gyre.air.RunContext;
import java.util.Map;

/**
 * One interpreter run's inputs, bytes in: the script, the peer's previous data, the data that
 * arrived, the call results handed back, and the context. Replaying it repeats exactly the work the
 * interpreter did in the simulation (it is a pure function).
 */
record RecordedRun(
    String caseId,
    String script,
    byte[] prevData,
    byte[] data,
    Map<Integer, CallResult> callResults,
    RunContext context) {}
