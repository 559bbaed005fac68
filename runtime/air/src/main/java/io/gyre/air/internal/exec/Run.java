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
import java.util.Collection;
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
  public static final int PARSE_ERROR = InterpreterError.PARSE_ERROR;
  public static final int DATA_ERROR = InterpreterError.DATA_ERROR;
  public static final int SIGNATURE_MISMATCH = InterpreterError.SIGNATURE_MISMATCH;
  public static final int SCRIPT_TOO_LARGE = InterpreterError.SCRIPT_TOO_LARGE;
  public static final int DATA_TOO_LARGE = InterpreterError.DATA_TOO_LARGE;
  public static final int CALL_RESULT_TOO_LARGE = InterpreterError.CALL_RESULT_TOO_LARGE;
  public static final int UNPROCESSED_CALL_RESULT = InterpreterError.UNPROCESSED_CALL_RESULT;
  public static final int PARTICLE_EXPIRED = InterpreterError.PARTICLE_EXPIRED;

  /** A run refused before or after execution, with its code and message. */
  private static final class Refused extends RuntimeException {
    final int code;

    Refused(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private Run() {}

  public static Outcome execute(
      AirLimits limits,
      ParseCache cache,
      String script,
      byte[] prevData,
      byte[] incomingData,
      Map<Integer, CallResult> callResults,
      RunContext context) {
    try {
      checkLimits(limits, script, incomingData, context);
      Map<Integer, byte[]> resultJson = resultsAsJson(limits, callResults);
      AirScript air = parse(cache, script);
      ParticleData data = decode(prevData);
      int prevBatches = data.batches().size();
      int added = merge(data, incomingData, context.particleId());
      DataIndex index = DataIndex.of(data, context.currentPeerId());
      for (Integer requestId : callResults.keySet()) {
        if (!index.isPendingRequest(requestId)) {
          throw unprocessed(callResults.keySet());
        }
      }
      ExecutionState st = new ExecutionState(context, limits, index, callResults, resultJson);
      AirError error;
      try {
        error = new Machine(st).run(air.root());
      } catch (AirException e) {
        error = e.error;
      }
      if (error != null && !error.catchable) {
        throw new Refused(error.code, error.message);
      }
      if (error == null && st.consumedResults.size() != callResults.size()) {
        TreeSet<Integer> left = new TreeSet<>(callResults.keySet());
        left.removeAll(st.consumedResults);
        throw unprocessed(left);
      }
      // Only data that leaves this peer needs its signature: a run that sends nothing (it waits
      // for its calls, or it failed) leaves its batch unsigned for a later run to vouch for.
      boolean leaves = error == null && !st.nextPeers.isEmpty();
      byte[] out = seal(st, data, prevData, prevBatches, added, leaves, context);
      if (error != null) {
        // an uncaught catchable error: AquaVM still returns the data, but nothing is sent
        return new Outcome(
            out,
            List.of(),
            List.of(),
            Optional.of(new InterpreterError(error.code, error.message)));
      }
      return new Outcome(out, st.callRequests, List.copyOf(st.nextPeers), Optional.empty());
    } catch (Refused refused) {
      return new Outcome(
          prevData,
          List.of(),
          List.of(),
          Optional.of(new InterpreterError(refused.code, refused.getMessage())));
    }
  }

  private static void checkLimits(
      AirLimits limits, String script, byte[] incoming, RunContext context) {
    long scriptBytes =
        script.length() <= limits.maxScriptBytes() / 3
            ? script.length()
            : script.getBytes(StandardCharsets.UTF_8).length;
    if (scriptBytes > limits.maxScriptBytes()) {
      throw new Refused(
          SCRIPT_TOO_LARGE,
          "air size: "
              + scriptBytes
              + " bytes is bigger than the limit allowed: "
              + limits.maxScriptBytes()
              + " bytes");
    }
    if (incoming.length > limits.maxDataBytes()) {
      throw new Refused(
          DATA_TOO_LARGE,
          "Current_data particle size: "
              + incoming.length
              + " bytes is bigger than the limit allowed: "
              + limits.maxDataBytes()
              + " bytes");
    }
    if (context.expired()) {
      throw new Refused(
          PARTICLE_EXPIRED,
          "particle expired: its ttl of "
              + context.ttlMs()
              + " ms ended at "
              + (context.timestampMs() + context.ttlMs())
              + ", the time now is "
              + context.nowMs());
    }
  }

  /** Each successful result as the JSON bytes the data will hold, checked against the limit. */
  private static Map<Integer, byte[]> resultsAsJson(
      AirLimits limits, Map<Integer, CallResult> results) {
    Map<Integer, byte[]> json = new HashMap<>(results.size() * 2);
    for (Map.Entry<Integer, CallResult> entry : results.entrySet()) {
      if (entry.getValue().succeeded()) {
        byte[] bytes = Json.bytes(entry.getValue().result());
        if (bytes.length > limits.maxCallResultBytes()) {
          throw new Refused(
              CALL_RESULT_TOO_LARGE,
              "Call result size is bigger than the limit allowed: "
                  + limits.maxCallResultBytes()
                  + " bytes (call "
                  + entry.getKey()
                  + " has "
                  + bytes.length
                  + ")");
        }
        json.put(entry.getKey(), bytes);
      }
    }
    return json;
  }

  private static AirScript parse(ParseCache cache, String script) {
    try {
      return cache.parse(script);
    } catch (AirSyntaxException e) {
      throw new Refused(
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
  }

  private static ParticleData decode(byte[] bytes) {
    try {
      return ParticleData.decode(bytes);
    } catch (DataFormatException e) {
      throw new Refused(
          DATA_ERROR, "an error occurred while data deserialization: " + e.getMessage());
    }
  }

  private static int merge(ParticleData data, byte[] incoming, String particleId) {
    try {
      return data.mergeVerified(decode(incoming), particleId);
    } catch (SignatureMismatchException e) {
      throw new Refused(SIGNATURE_MISMATCH, e.getMessage());
    }
  }

  /**
   * The new data: the previous bytes when nothing changed, else with this run's batch. When the
   * data {@code leaves} this peer, this peer's newest batch is signed (sealing this run's batch
   * signed, or signing an earlier one that was sealed unsigned).
   */
  private static byte[] seal(
      ExecutionState st,
      ParticleData data,
      byte[] prevData,
      int prevBatches,
      int added,
      boolean leaves,
      RunContext context) {
    int unchangedPrefix = prevBatches;
    if (!st.newBatch.isEmpty()) {
      byte[] body = st.newBatch.body();
      byte[] previous = data.latestHashBy(context.peerKey().publicKey());
      data.addSealed(
          BatchSigner.seal(
              context.peerKey(), context.particleId(), previous, body, body.length, leaves));
    } else if (leaves) {
      int signed = data.signLatestBy(context.peerKey(), context.particleId());
      if (signed >= 0) {
        unchangedPrefix = Math.min(unchangedPrefix, signed);
      } else if (added == 0) {
        return prevData;
      }
    } else if (added == 0) {
      return prevData;
    }
    return unchangedPrefix == prevBatches
        ? data.encodeExtending(prevData, prevBatches)
        : data.encode();
  }

  private static Refused unprocessed(Collection<Integer> ids) {
    return new Refused(
        UNPROCESSED_CALL_RESULT,
        "after finishing execution of supplied AIR, there are some unprocessed call results: `"
            + new TreeSet<>(ids)
            + "`, probably a wrong call_id used");
  }
}
