package io.gyre.node.particle;

import io.gyre.air.CallResult;
import io.gyre.node.services.ServiceCall;
import java.util.Optional;

/**
 * The init peer's side of a particle this peer started on someone's behalf (the HTTP API, a test,
 * the demo): it answers {@code getDataSrv}, {@code callbackSrv} and {@code errorHandlingSrv}, and
 * learns when the particle failed or expired.
 */
public interface ParticleSession {

  /** The answer when {@code call} is one of this session's services, otherwise empty. */
  Optional<CallResult> answer(ServiceCall call);

  /** An interpreter run on the init peer succeeded (its calls started, its sends went out). */
  default void ran() {}

  /** The particle failed on the init peer (an interpreter error) or was refused. */
  void failed(String reason);

  /**
   * A peer the particle had to go to cannot be reached ({@code message} names it and why) and the
   * init peer has nothing left that could answer instead.
   */
  default void undelivered(String message) {}

  /** The particle reached its TTL. */
  void expired();
}
