package io.gyre.air.simulation;

import io.gyre.air.CallRequest;
import io.gyre.air.CallResult;
import io.gyre.air.Interpreter;
import io.gyre.air.Outcome;
import io.gyre.air.RunContext;
import io.gyre.identity.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An in-memory network of peers that runs one particle to quiescence: each peer keeps its own data
 * and merges what arrives; delivery order follows the setup's seed; time is virtual.
 *
 * <p>Seed 0 is run-air's order: a FIFO queue, next peers sorted. Any other seed picks the next
 * delivery at random among those due. A service reply with a delay arrives when the virtual clock
 * reaches it; the clock jumps forward when nothing else is due. A run that fails is recorded, its
 * data is not kept and nothing is sent or called (as js-client does); sends to peers outside the
 * simulation are recorded as undelivered.
 */
public final class Simulator {
  private Simulator() {}

  /** A pending delivery: data from another peer, or call results for a peer, due at a time. */
  private record Delivery(
      String peer, byte[] data, Map<Integer, CallResult> results, String from, long dueMs) {}

  public static SimulationResult run(String script, SimulationSetup setup, ServiceHost services) {
    Map<String, KeyPair> keys = new LinkedHashMap<>();
    String initPeer = setup.initPeer().peerId().base58();
    keys.put(initPeer, setup.initPeer());
    for (KeyPair peer : setup.otherPeers()) {
      keys.putIfAbsent(peer.peerId().base58(), peer);
    }
    Interpreter interpreter = new Interpreter(setup.limits());
    Map<String, byte[]> prevData = new HashMap<>();
    for (String peer : keys.keySet()) {
      prevData.put(peer, new byte[0]);
    }
    Random random = new Random(setup.seed());
    List<Delivery> queue = new ArrayList<>();
    queue.add(new Delivery(initPeer, new byte[0], Map.of(), "", 0));
    List<SimulationResult.Call> calls = new ArrayList<>();
    List<SimulationResult.FailedRun> failed = new ArrayList<>();
    List<SimulationResult.Undelivered> undelivered = new ArrayList<>();
    List<SimulationResult.Step> trace = new ArrayList<>();
    long elapsed = 0;
    int step = 0;
    int hops = 0;
    long bytesSent = 0;
    while (!queue.isEmpty() && step < setup.maxSteps()) {
      long due = Long.MAX_VALUE;
      for (Delivery d : queue) {
        due = Math.min(due, d.dueMs());
      }
      elapsed = Math.max(elapsed, due);
      Delivery item = queue.remove(pick(queue, elapsed, setup.seed(), random));
      step++;
      String peer = item.peer();
      long now = setup.timestampMs() + elapsed;
      RunContext context =
          new RunContext(
              keys.get(peer),
              setup.particleId(),
              initPeer,
              setup.timestampMs(),
              setup.ttlMs(),
              now);
      Outcome outcome =
          interpreter.run(script, prevData.get(peer), item.data(), item.results(), context);
      List<String> requestNames = new ArrayList<>();
      for (CallRequest request : outcome.callRequests()) {
        requestNames.add(request.key() + ":" + request.serviceId() + "." + request.functionName());
      }
      List<String> nextPeers = new ArrayList<>(outcome.nextPeers());
      nextPeers.sort(null);
      trace.add(
          new SimulationResult.Step(
              step,
              peer,
              item.from(),
              item.data().length,
              item.results().size(),
              outcome.error().map(e -> e.retCode()).orElse(0),
              outcome.data().length,
              nextPeers,
              requestNames));
      if (outcome.error().isPresent()) {
        failed.add(
            new SimulationResult.FailedRun(
                step, peer, outcome.error().get().retCode(), outcome.error().get().message()));
        continue;
      }
      prevData.put(peer, outcome.data());
      for (String next : nextPeers) {
        hops++;
        bytesSent += outcome.data().length;
        if (keys.containsKey(next)) {
          queue.add(new Delivery(next, outcome.data(), Map.of(), peer, elapsed));
        } else {
          undelivered.add(new SimulationResult.Undelivered(step, peer, next));
        }
      }
      Map<Long, Map<Integer, CallResult>> byDelay = new TreeMap<>();
      for (CallRequest request : outcome.callRequests()) {
        ServiceReply reply =
            services.call(new SimulatedCall(peer, request, setup.particleId(), initPeer, now));
        calls.add(
            new SimulationResult.Call(
                step,
                peer,
                request.key(),
                request.serviceId(),
                request.functionName(),
                request.arguments(),
                reply.result().retCode(),
                reply.result().result()));
        if (setup.oneResultPerRun()) {
          queue.add(
              new Delivery(
                  peer,
                  new byte[0],
                  Map.of(request.key(), reply.result()),
                  peer,
                  elapsed + reply.delayMs()));
        } else {
          byDelay
              .computeIfAbsent(reply.delayMs(), d -> new LinkedHashMap<>())
              .put(request.key(), reply.result());
        }
      }
      for (Map.Entry<Long, Map<Integer, CallResult>> group : byDelay.entrySet()) {
        queue.add(
            new Delivery(peer, new byte[0], group.getValue(), peer, elapsed + group.getKey()));
      }
    }
    Map<String, Integer> finalBytes = new HashMap<>();
    prevData.forEach((peer, data) -> finalBytes.put(peer, data.length));
    return new SimulationResult(
        queue.isEmpty(), step, calls, failed, undelivered, trace, finalBytes, hops, bytesSent);
  }

  /** Seed 0: the first due delivery (FIFO); other seeds: a random due one. */
  private static int pick(List<Delivery> queue, long now, long seed, Random random) {
    List<Integer> due = new ArrayList<>();
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).dueMs() <= now) {
        if (seed == 0) {
          return i;
        }
        due.add(i);
      }
    }
    return due.get(random.nextInt(due.size()));
  }
}
