package io.gyre.air.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.AirLimits;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.identity.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test-only: one peer running a script to the end on its own, answering its call requests with a
 * function, and keeping every call and the last outcome.
 */
public final class LocalPeer {
  public static final KeyPair INIT = KeyPair.fromSeedName("init");
  public static final String PARTICLE = "test-particle";
  public static final long TIMESTAMP = 1_700_000_000_000L;

  public final Interpreter interpreter;
  public final List<CallRequest> calls = new ArrayList<>();
  public Outcome last;
  public byte[] data = new byte[0];

  public LocalPeer(AirLimits limits) {
    this.interpreter = new Interpreter(limits);
  }

  public LocalPeer() {
    this(AirLimits.AQUAVM_DEFAULTS);
  }

  public static RunContext context(KeyPair peer) {
    return new RunContext(peer, PARTICLE, INIT.peerId().base58(), TIMESTAMP, 10_000, TIMESTAMP + 1);
  }

  /** Runs until nothing is left to call or a run fails; returns the last outcome. */
  public Outcome run(String script, Function<CallRequest, CallResult> services) {
    Map<Integer, CallResult> results = Map.of();
    for (int i = 0; i < 10_000; i++) {
      last = interpreter.run(script, data, new byte[0], results, context(INIT));
      if (!last.succeeded()) {
        return last;
      }
      data = last.data();
      if (last.callRequests().isEmpty()) {
        return last;
      }
      Map<Integer, CallResult> next = new HashMap<>();
      for (CallRequest request : last.callRequests()) {
        calls.add(request);
        next.put(request.key(), services.apply(request));
      }
      results = next;
    }
    throw new IllegalStateException("did not settle");
  }

  /** The arguments of the calls to {@code service.function}, in order. */
  public List<List<JsonNode>> argsOf(String service, String function) {
    List<List<JsonNode>> out = new ArrayList<>();
    for (CallRequest call : calls) {
      if (call.serviceId().equals(service) && call.functionName().equals(function)) {
        out.add(call.arguments());
      }
    }
    return out;
  }
}
