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

/**
 * An in-memory network of peers that runs one particle to quiescence: each peer keeps its own data
 * and merges what arrives; delivery order follows the setup's seed; time is virtual.
 *
 * <p>Seed 0 is run-air's order: a FIFO queue, next peers sorted, each run's call results queued
 * after its sends. Any other seed picks the next delivery at random among those pending. A service
 * reply's delay ({@code peer.timeout}) advances the virtual clock by that much while the call is
 * made, as run-air's awaited mock does in real time, without reordering the queue; TTL expiry is
 * checked against the clock. A run that fails is recorded, its data is not kept and nothing is sent
 * or called (as js-client does); sends to peers outside the simulation are recorded as undelivered.
 */
public final class Simulator {
  private Simulator() {}

  /** A pending delivery: data from another peer, or call results for a peer, due at a time. */
  private record Delivery(
      String peer, byte[] data, Map<Integer, CallResult> results, String from) {}

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
    queue.add(new Delivery(initPeer, new byte[0], Map.of(), ""));
    List<SimulationResult.Call> calls = new ArrayList<>();
    List<SimulationResult.FailedRun> failed = new ArrayList<>();
    List<SimulationResult.Undelivered> undelivered = new ArrayList<>();
    List<SimulationResult.Step> trace = new ArrayList<>();
    long elapsed = 0;
    int step = 0;
    int hops = 0;
    long bytesSent = 0;
    while (!queue.isEmpty() && step < setup.maxSteps()) {
      Delivery item = queue.remove(setup.seed() == 0 ? 0 : random.nextInt(queue.size()));
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
          queue.add(new Delivery(next, outcome.data(), Map.of(), peer));
        } else {
          undelivered.add(new SimulationResult.Undelivered(step, peer, next));
        }
      }
      Map<Integer, CallResult> results = new LinkedHashMap<>();
      for (CallRequest request : outcome.callRequests()) {
        ServiceReply reply =
            services.call(
                new SimulatedCall(
                    peer, request, setup.particleId(), initPeer, setup.timestampMs() + elapsed));
        elapsed += reply.delayMs();
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
          queue.add(new Delivery(peer, new byte[0], Map.of(request.key(), reply.result()), peer));
        } else {
          results.put(request.key(), reply.result());
        }
      }
      if (!results.isEmpty()) {
        queue.add(new Delivery(peer, new byte[0], results, peer));
      }
    }
    Map<String, Integer> finalBytes = new HashMap<>();
    prevData.forEach((peer, data) -> finalBytes.put(peer, data.length));
    return new SimulationResult(
        queue.isEmpty(), step, calls, failed, undelivered, trace, finalBytes, hops, bytesSent);
  }
}
