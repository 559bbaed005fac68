package io.gyre.air.simulation;

import io.gyre.air.CallRequest;

/**
 * One call request made by a simulated peer, with the particle it belongs to and the virtual time
 * at which it was made.
 */
public record SimulatedCall(
    String peerId, CallRequest request, String particleId, String initPeerId, long nowMs) {}
