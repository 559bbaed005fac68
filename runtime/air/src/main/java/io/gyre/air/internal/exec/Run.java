package io.gyre.air.internal.exec;

import io.gyre.air.AirLimits;
import io.gyre.air.CallResult;
import io.gyre.air.InterpreterError;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.air.internal.data.BatchSigner;
import io.gyre.air.internal.data.DataFormatException;
import io.gyre.air.internal.data.DataIndex;
import io.gyre.air.internal.data.ParticleData;
import io.gyre.air.internal.data.SignatureMismatchException;
import io.gyre.air.internal.json.Json;
import io.gyre.air.syntax.AirScript;
import io.gyre.air.syntax.AirSyntaxException;
import io.gyre.air.syntax.ParseCache;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One interpreter run, bytes in to bytes out: check limits and TTL, parse (cached), decode and
 * merge the data (verifying new batches), execute, and seal what the run added into one signed
 * batch. Error codes follow AquaVM's (see the module README).
 */
public final class Run {
  public static final int PARSE_ERROR = 1;
  public static final int DATA_ERROR = 2;
  public static final int SIGNATURE_MISMATCH = 9;
  public static final int SCRIPT_TOO_LARGE = 10;
  public static final int DATA_TOO_LARGE = 11;
  public static final int CALL_RESULT_TOO_LARGE = 12;
  public static final int UNPROCESSED_CALL_RESULT = 30000;
  public static final int PARTICLE_EXPIRED = 40000;

  private Run() {}

  public static Outcome execute(
      AirLimits limits,
      ParseCache cache,
      String script,
      byte[] prevData,
      byte[] incomingData,
      Map<Integer, CallResult> callResults,
      RunContext context) {
    int scriptBytes =
        script.length() <= limits.maxScriptBytes() / 3
            ? script.length()
            : script.getBytes(StandardCharsets.UTF_8).length;
    if (scriptBytes > limits.maxScriptBytes()) {
      return failed(
          prevData,
          SCRIPT_TOO_LARGE,
          "air size: "
              + scriptBytes
              + " bytes is bigger than the limit allowed: "
              + limits.maxScriptBytes()
              + " bytes");
    }
    if (incomingData.length > limits.maxDataBytes()) {
      return failed(
          prevData,
          DATA_TOO_LARGE,
          "Current_data particle size: "
              + incomingData.length
              + " bytes is bigger than the limit allowed: "
              + limits.maxDataBytes()
              + " bytes");
    }
    if (context.expired()) {
      return failed(
          prevData,
          PARTICLE_EXPIRED,
          "particle expired: its ttl of "
              + context.ttlMs()
              + " ms ended at "
              + (context.timestampMs() + context.ttlMs())
              + ", the time now is "
              + context.nowMs());
    }
    Map<Integer, byte[]> resultJson = new HashMap<>(callResults.size() * 2);
    for (Map.Entry<Integer, CallResult> entry : callResults.entrySet()) {
      if (entry.getValue().succeeded()) {
        byte[] json = Json.bytes(entry.getValue().result());
        if (json.length > limits.maxCallResultBytes()) {
          return failed(
              prevData,
              CALL_RESULT_TOO_LARGE,
              "Call result size is bigger than the limit allowed: "
                  + limits.maxCallResultBytes()
                  + " bytes (call "
                  + entry.getKey()
                  + " has "
                  + json.length
                  + ")");
        }
        resultJson.put(entry.getKey(), json);
      }
    }
    AirScript air;
    try {
      air = cache.parse(script);
    } catch (AirSyntaxException e) {
      return failed(
          prevData,
          PARSE_ERROR,
          "air can't be parsed:\n"
              + e.line()
              + ":"
              + e.column()
              + ": "
              + e.reason()
              + "\n  "
              + e.offendingText());
    }
    ParticleData data;
    int added;
    int prevBatches;
    try {
      data = ParticleData.decode(prevData);
      prevBatches = data.batches().size();
      added = data.mergeVerified(ParticleData.decode(incomingData), context.particleId());
    } catch (DataFormatException e) {
      return failed(
          prevData, DATA_ERROR, "an error occurred while data deserialization: " + e.getMessage());
    } catch (SignatureMismatchException e) {
      return failed(prevData, SIGNATURE_MISMATCH, e.getMessage());
    }
    ExecutionState st;
    AirError error;
    try {
      DataIndex index = DataIndex.of(data, context.currentPeerId());
      st = new ExecutionState(context, limits, index, callResults, resultJson);
      for (Integer requestId : callResults.keySet()) {
        if (!index.isPendingRequest(requestId)) {
          return unprocessed(prevData, callResults.keySet());
        }
      }
      error = new Machine(st).run(air.root());
    } catch (DataFormatException e) {
      return failed(
          prevData, DATA_ERROR, "an error occurred while data deserialization: " + e.getMessage());
    } catch (AirException e) {
      error = e.error;
      return failed(prevData, error.code, error.message);
    }
    if (error != null && !error.catchable) {
      return failed(prevData, error.code, error.message);
    }
    if (error == null && st.consumedResults.size() != callResults.size()) {
      TreeSet<Integer> left = new TreeSet<>(callResults.keySet());
      left.removeAll(st.consumedResults);
      return unprocessed(prevData, left);
    }
    byte[] out;
    if (st.newBatch.isEmpty() && added == 0) {
      out = prevData;
    } else {
      if (!st.newBatch.isEmpty()) {
        byte[] body = st.newBatch.body();
        data.addSealed(
            BatchSigner.seal(context.peerKey(), context.particleId(), body, body.length));
      }
      out = data.encodeExtending(prevData, prevBatches);
    }
    if (error != null) {
      return new Outcome(
          out, List.of(), List.of(), Optional.of(new InterpreterError(error.code, error.message)));
    }
    return new Outcome(out, st.callRequests, List.copyOf(st.nextPeers), Optional.empty());
  }

  private static Outcome unprocessed(byte[] prevData, java.util.Collection<Integer> ids) {
    return failed(
        prevData,
        UNPROCESSED_CALL_RESULT,
        "after finishing execution of supplied AIR, there are some unprocessed call results: `"
            + new TreeSet<>(ids)
            + "`, probably a wrong call_id used");
  }

  private static Outcome failed(byte[] prevData, int code, String message) {
    return new Outcome(
        prevData, List.of(), List.of(), Optional.of(new InterpreterError(code, message)));
  }
}
