package io.gyre.proofs.receipt;

import io.gyre.wasm.ServiceLimits;
import java.time.Duration;

/**
 * The limits of a service that decide its calls' outcomes — all of {@link ServiceLimits} but the
 * wall time, which is a backstop and not part of the deterministic contract.
 */
public record CallLimits(long fuel, int memoryPages, int stackDepth, int outputBytes) {

  public static CallLimits of(ServiceLimits limits) {
    return new CallLimits(
        limits.fuel(), limits.memoryPages(), limits.stackDepth(), limits.outputBytes());
  }

  /**
   * These limits with {@code wallTime} as the backstop; empty-handed callers use the default.
   * Throws {@link IllegalArgumentException} for values wasm-host refuses.
   */
  public ServiceLimits toServiceLimits(Duration wallTime) {
    return new ServiceLimits(fuel, memoryPages, wallTime, stackDepth, outputBytes);
  }
}
