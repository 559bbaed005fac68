package io.gyre.bench.air;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.AirLimits;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.identity.KeyPair;
import java.util.HashMap;
import java.util.Map;

/**
 * The synthetic workloads of the oracle's bench-avm.mjs (see shared/oracle/BENCH.md), built the
 * same way: same scripts, same keys, timestamp, TTL and particle id, same service results. Each
 * workload prepares the inputs of one timed run; the benchmark times that run bytes in to bytes
 * out.
 */
public final class Workloads {
  static final long TIMESTAMP = 1_700_000_000_000L;
  static final long TTL = 10_000;
  static final String PARTICLE_ID = "bench-particle-0001";
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final KeyPair INIT = KeyPair.fromSeedName("init");
  static final KeyPair ALICE = KeyPair.fromSeedName("alice");
  static final KeyPair BOB = KeyPair.fromSeedName("bob");
  static final KeyPair CAROL = KeyPair.fromSeedName("carol");

  private Workloads() {}

  /** The inputs of one interpreter run. */
  public record Run(
      String script,
      byte[] prevData,
      byte[] data,
      Map<Integer, CallResult> results,
      RunContext context) {
    public Outcome on(Interpreter interpreter) {
      return interpreter.run(script, prevData, data, results, context);
    }
  }

  static RunContext context(KeyPair peer) {
    return new RunContext(peer, PARTICLE_ID, INIT.peerId().base58(), TIMESTAMP, TTL, TIMESTAMP);
  }

  static Interpreter interpreter() {
    return new Interpreter(AirLimits.AQUAVM_DEFAULTS);
  }

  static Outcome must(Outcome outcome, String what) {
    if (!outcome.succeeded()) {
      throw new IllegalStateException(what + ": " + outcome.error().get());
    }
    return outcome;
  }

  /** {@code (null)} on the init peer, no data. */
  public static Run empty() {
    return new Run("(null)", new byte[0], new byte[0], Map.of(), context(INIT));
  }

  /** A right-nested chain of 500 calls, replayed on its complete data: nothing new. */
  public static Run replay500() {
    int n = 500;
    String air = "(call %init_peer_id% (\"svc\" \"f\") [] r_" + (n - 1) + ")";
    for (int i = n - 2; i >= 0; i--) {
      air = "(seq\n (call %init_peer_id% (\"svc\" \"f\") [] r_" + i + ")\n " + air + ")";
    }
    Interpreter interpreter = interpreter();
    byte[] prev = new byte[0];
    Map<Integer, CallResult> pending = Map.of();
    for (int runs = 0; ; runs++) {
      Outcome outcome =
          must(interpreter.run(air, prev, new byte[0], pending, context(INIT)), "replay-500 setup");
      prev = outcome.data();
      if (outcome.callRequests().isEmpty()) {
        break;
      }
      Map<Integer, CallResult> next = new HashMap<>();
      for (CallRequest request : outcome.callRequests()) {
        next.put(
            request.key(),
            CallResult.ok(NODES.textNode("value-" + request.functionName() + "-" + request.key())));
      }
      pending = next;
      if (runs > n + 5) {
        throw new IllegalStateException("replay-500 setup did not converge");
      }
    }
    return new Run(air, prev, new byte[0], Map.of(), context(INIT));
  }

  static final String FOLD_PAR =
      "(seq\n (call %init_peer_id% (\"getDataSrv\" \"xs\") [] xs)\n (new $res\n  (fold xs x\n   (par\n"
          + "    (call %init_peer_id% (\"svc\" \"f\") [x] $res)\n    (next x)))))";

  /** The run that gets the 1,000-integer array and emits 1,000 call requests. */
  public static Run foldPar1000Emit() {
    Outcome first =
        must(
            interpreter().run(FOLD_PAR, new byte[0], new byte[0], Map.of(), context(INIT)),
            "fold-par-1000 run 1");
    ArrayNode xs = NODES.arrayNode();
    for (int i = 0; i < 1000; i++) {
      xs.add(i);
    }
    int key = first.callRequests().get(0).key();
    return new Run(
        FOLD_PAR, first.data(), new byte[0], Map.of(key, CallResult.ok(xs)), context(INIT));
  }

  /** The run that takes all 1,000 results at once. */
  public static Run foldPar1000Consume() {
    Run emit = foldPar1000Emit();
    Outcome emitted = must(emit.on(interpreter()), "fold-par-1000 emit");
    Map<Integer, CallResult> results = new HashMap<>();
    for (CallRequest request : emitted.callRequests()) {
      results.put(request.key(), CallResult.ok(NODES.textNode("r-" + request.arguments().get(0))));
    }
    return new Run(FOLD_PAR, emitted.data(), new byte[0], results, context(INIT));
  }

  /** carol merging bob's ~1 MB data into hers, which already holds alice's ~1 MB. */
  public static Run merge1mb() {
    String air =
        "(new $s\n (par\n  (seq\n   (call \""
            + ALICE.peerId()
            + "\" (\"svc\" \"big\") [] $s)\n   (call \""
            + CAROL.peerId()
            + "\" (\"op\" \"noop\") []))\n  (seq\n   (call \""
            + BOB.peerId()
            + "\" (\"svc\" \"big\") [] $s)\n   (call \""
            + CAROL.peerId()
            + "\" (\"op\" \"noop\") []))))";
    Interpreter interpreter = interpreter();
    byte[] empty = new byte[0];
    byte[] d0 =
        must(interpreter.run(air, empty, empty, Map.of(), context(INIT)), "merge-1mb init").data();
    byte[] dA = branch(interpreter, air, d0, ALICE, "alice");
    byte[] dB = branch(interpreter, air, d0, BOB, "bob");
    byte[] prevC =
        must(interpreter.run(air, empty, dA, Map.of(), context(CAROL)), "merge-1mb carol first")
            .data();
    return new Run(air, prevC, dB, Map.of(), context(CAROL));
  }

  private static byte[] branch(
      Interpreter interpreter, String air, byte[] d0, KeyPair who, String name) {
    Outcome r1 =
        must(interpreter.run(air, new byte[0], d0, Map.of(), context(who)), "merge-1mb " + name);
    ArrayNode big = NODES.arrayNode();
    String pattern = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(28);
    for (int i = 0; i < 1000; i++) {
      big.add(
          name
              + "-"
              + String.format("%04d", i)
              + "-"
              + pattern.substring(0, 1000 - name.length() - 6));
    }
    Map<Integer, CallResult> result = Map.of(r1.callRequests().get(0).key(), CallResult.ok(big));
    return must(
            interpreter.run(air, r1.data(), new byte[0], result, context(who)),
            "merge-1mb " + name + " result")
        .data();
  }
}
