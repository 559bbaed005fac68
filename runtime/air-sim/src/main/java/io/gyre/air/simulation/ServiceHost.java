package io.gyre.air.simulation;

/**
 * Answers the service calls that simulated peers make: mock services, builtins, whatever the caller
 * of the simulator plugs in. Must be deterministic for a given call for runs to repeat.
 */
public interface ServiceHost {

  ServiceReply call(SimulatedCall call);
}
