package io.gyre.air.simulation;

import io.gyre.air.AirLimits;
import io.gyre.identity.KeyPair;
import java.util.List;

/**
 * Everything a simulation needs besides the script and the services: the peers (the init peer is
 * one of them), the particle's fields, the delivery seed, and when to give up.
 *
 * @param seed delivery order; seed 0 is FIFO with next peers sorted (run-air's order), any other
 *     seed shuffles which pending delivery goes next
 * @param oneResultPerRun hand call results back one per run (js-client style) instead of all
 *     results of a run together
 */
public record SimulationSetup(
    KeyPair initPeer,
    List<KeyPair> otherPeers,
    String particleId,
    long timestampMs,
    long ttlMs,
    long seed,
    int maxSteps,
    boolean oneResultPerRun,
    AirLimits limits) {

  public SimulationSetup {
    otherPeers = List.copyOf(otherPeers);
  }
}
