package io.gyre.air.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.AirLimits;
import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.identity.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The data is a CRDT: three peers fill one stream concurrently, a fourth merges their datas in
 * every order and gets the same batches and the same stream; a tampered batch is refused.
 */
class ParticleDataPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final KeyPair INIT = KeyPair.fromSeedName("init");
  private static final List<KeyPair> WRITERS =
      List.of(
          KeyPair.fromSeedName("alice"),
          KeyPair.fromSeedName("bob"),
          KeyPair.fromSeedName("carol"));
  private static final KeyPair MERGER = KeyPair.fromSeedName("dave");
  private static final String PARTICLE = "crdt-particle";

  /** Each writer pushes its calls (and one ap) into $s, then hands over to the merger. */
  static String script(List<Integer> pushes) {
    StringBuilder par = new StringBuilder();
    for (int w = 0; w < WRITERS.size(); w++) {
      String peer = "\"" + WRITERS.get(w).peerId().base58() + "\"";
      StringBuilder branch =
          new StringBuilder("(call " + peer + " (\"svc\" \"done\") [] d" + w + ")");
      for (int k = pushes.get(w) - 1; k >= 0; k--) {
        String push =
            k % 2 == 0
                ? "(call " + peer + " (\"svc\" \"push\") [\"w" + w + "-" + k + "\"] $s)"
                : "(seq (call "
                    + peer
                    + " (\"svc\" \"push\") [\"w"
                    + w
                    + "-"
                    + k
                    + "\"] v"
                    + w
                    + "_"
                    + k
                    + ") (ap v"
                    + w
                    + "_"
                    + k
                    + " $s))";
        branch.insert(0, "(seq " + push + " ").append(")");
      }
      par = par.length() == 0 ? branch : new StringBuilder("(par " + branch + " " + par + ")");
    }
    String dave = "\"" + MERGER.peerId().base58() + "\"";
    return "(seq "
        + par
        + " (seq (call "
        + dave
        + " (\"svc\" \"join\") [d0 d1 d2])"
        + " (seq (canon "
        + dave
        + " $s #c) (call "
        + dave
        + " (\"svc\" \"out\") [#c]))))";
  }

  private static RunContext context(KeyPair peer) {
    return new RunContext(peer, PARTICLE, INIT.peerId().base58(), 0, 1_000_000, 1);
  }

  /** Runs a peer until it settles, answering its calls; counts every service call. */
  private static byte[] settle(
      Interpreter interpreter,
      String air,
      KeyPair peer,
      byte[] prev,
      byte[] incoming,
      Map<String, Integer> calls,
      List<JsonNode> out) {
    Outcome first = interpreter.run(air, prev, incoming, Map.of(), context(peer));
    return settleFrom(interpreter, air, peer, first, calls, out);
  }

  private static byte[] settleFrom(
      Interpreter interpreter,
      String air,
      KeyPair peer,
      Outcome outcome,
      Map<String, Integer> calls,
      List<JsonNode> out) {
    Outcome current = outcome;
    while (true) {
      Outcome now = current;
      assertTrue(now.succeeded(), () -> now.error().toString());
      if (now.callRequests().isEmpty()) {
        return now.data();
      }
      Map<Integer, CallResult> results = new HashMap<>();
      for (CallRequest request : now.callRequests()) {
        calls.merge(
            peer.peerId() + "/" + request.functionName() + "/" + request.arguments(),
            1,
            Integer::sum);
        if (request.functionName().equals("out")) {
          out.add(request.arguments().get(0));
        }
        results.put(
            request.key(),
            CallResult.ok(
                request.arguments().isEmpty() ? NODES.textNode("ok") : request.arguments().get(0)));
      }
      current = interpreter.run(air, now.data(), new byte[0], results, context(peer));
    }
  }

  /**
   * The writers' datas, each produced from the init peer's data. The script sends them nowhere (the
   * merger's join waits for all three), so the test hands them over itself and, as a send would,
   * signs each writer's newest batch first.
   */
  private static List<byte[]> writersData(
      Interpreter interpreter, String air, Map<String, Integer> calls) {
    byte[] start =
        settle(interpreter, air, INIT, new byte[0], new byte[0], calls, new ArrayList<>());
    List<byte[]> datas = new ArrayList<>();
    for (KeyPair writer : WRITERS) {
      byte[] settled =
          settle(interpreter, air, writer, new byte[0], start, calls, new ArrayList<>());
      ParticleData data = ParticleData.decode(settled);
      data.signLatestBy(writer, PARTICLE);
      datas.add(data.encode());
    }
    return datas;
  }

  @Provide
  Arbitrary<List<Integer>> pushes() {
    return Arbitraries.integers().between(0, 4).list().ofSize(3);
  }

  @Property(tries = 15)
  void mergingInEveryOrderGivesOneResult(@ForAll("pushes") List<Integer> pushes) {
    String air = script(pushes);
    Interpreter interpreter = new Interpreter(AirLimits.AQUAVM_DEFAULTS);
    Map<String, Integer> calls = new HashMap<>();
    List<byte[]> datas = writersData(interpreter, air, calls);
    Set<String> writerBatches = new java.util.HashSet<>();
    datas.forEach(d -> writerBatches.addAll(ParticleData.decode(d).batchHashes()));
    List<String> firstStream = null;
    for (List<Integer> order :
        List.of(
            List.of(0, 1, 2),
            List.of(0, 2, 1),
            List.of(1, 0, 2),
            List.of(1, 2, 0),
            List.of(2, 0, 1),
            List.of(2, 1, 0))) {
      Map<String, Integer> mergerCalls = new HashMap<>();
      List<JsonNode> out = new ArrayList<>();
      byte[] data = new byte[0];
      for (int i : order) {
        data = settle(interpreter, air, MERGER, data, datas.get(i), mergerCalls, out);
      }
      // merging everything again changes nothing: idempotent, and a duplicate is detectable
      for (byte[] again : datas) {
        Outcome replay = interpreter.run(air, data, again, Map.of(), context(MERGER));
        assertArrayEquals(data, replay.data());
        assertTrue(replay.callRequests().isEmpty());
      }
      assertEquals(1, out.size(), "the merger canonicalized once");
      mergerCalls.values().forEach(n -> assertEquals(1, n, "no service is called twice"));
      assertTrue(ParticleData.decode(data).batchHashes().containsAll(writerBatches));
      List<String> stream = new ArrayList<>();
      out.get(0).forEach(v -> stream.add(v.asText()));
      Collections.sort(stream);
      if (firstStream == null) {
        firstStream = stream;
      } else {
        assertEquals(firstStream, stream, "same stream elements whatever the merge order");
      }
    }
    int expected = pushes.stream().mapToInt(Integer::intValue).sum();
    assertEquals(expected, firstStream.size());
    calls.values().forEach(n -> assertEquals(1, n, "no service is called twice"));
  }

  @Property(tries = 10)
  void mergeIsCommutativeAssociativeAndIdempotent(@ForAll("pushes") List<Integer> pushes) {
    String air = script(pushes);
    Interpreter interpreter = new Interpreter(AirLimits.AQUAVM_DEFAULTS);
    List<byte[]> datas = writersData(interpreter, air, new HashMap<>());
    Set<String> expected = null;
    for (List<Integer> order :
        List.of(
            List.of(0, 1, 2),
            List.of(0, 2, 1),
            List.of(1, 0, 2),
            List.of(1, 2, 0),
            List.of(2, 0, 1),
            List.of(2, 1, 0))) {
      ParticleData merged = ParticleData.empty();
      for (int i : order) {
        merged.mergeVerified(ParticleData.decode(datas.get(i)), PARTICLE);
        merged.mergeVerified(ParticleData.decode(datas.get(i)), PARTICLE);
      }
      // (a + b) + c == a + (b + c): merging an already merged data adds nothing more
      ParticleData regrouped = ParticleData.decode(datas.get(order.get(0)));
      ParticleData rest = ParticleData.decode(datas.get(order.get(1)));
      rest.mergeVerified(ParticleData.decode(datas.get(order.get(2))), PARTICLE);
      regrouped.mergeVerified(ParticleData.decode(rest.encode()), PARTICLE);
      assertEquals(merged.batchHashes(), regrouped.batchHashes());
      assertEquals(0, merged.mergeVerified(ParticleData.decode(regrouped.encode()), PARTICLE));
      if (expected == null) {
        expected = merged.batchHashes();
      } else {
        assertEquals(expected, merged.batchHashes());
      }
    }
  }

  @Property(tries = 20)
  void aTamperedBatchIsRefused(
      @ForAll @IntRange(min = 0, max = 2) int writer,
      @ForAll @Size(min = 1, max = 1) List<@IntRange(min = 0, max = 10_000) Integer> where) {
    String air = script(List.of(2, 2, 2));
    Interpreter interpreter = new Interpreter(AirLimits.AQUAVM_DEFAULTS);
    List<byte[]> datas = writersData(interpreter, air, new HashMap<>());
    byte[] original = datas.get(writer);
    ParticleData decoded = ParticleData.decode(original);
    Batch last = decoded.batches().get(decoded.batches().size() - 1);
    int bodyLength = last.end() - last.bodyStart();
    int position = last.bodyStart() + where.get(0) % bodyLength;
    byte[] tampered = original.clone();
    tampered[position] ^= 0x01;
    Outcome outcome = interpreter.run(air, new byte[0], tampered, Map.of(), context(MERGER));
    assertEquals(9, outcome.error().orElseThrow().retCode());
    assertTrue(outcome.error().get().message().contains(WRITERS.get(writer).peerId().base58()));
    assertEquals(0, outcome.data().length, "the merger keeps its previous data");
  }

  @Property(tries = 5)
  void dataSignedForAnotherParticleIsRefused(@ForAll @IntRange(min = 0, max = 2) int writer) {
    String air = script(List.of(1, 1, 1));
    Interpreter interpreter = new Interpreter(AirLimits.AQUAVM_DEFAULTS);
    byte[] data = writersData(interpreter, air, new HashMap<>()).get(writer);
    RunContext other =
        new RunContext(MERGER, "another-particle", INIT.peerId().base58(), 0, 1_000_000, 1);
    Outcome outcome = interpreter.run(air, new byte[0], data, Map.of(), other);
    assertEquals(9, outcome.error().orElseThrow().retCode());
    assertTrue(outcome.error().get().message().contains("signature mismatch"));
  }
}
