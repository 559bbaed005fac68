package io.gyre.proofs.receipt;

import io.gyre.wasm.CallError;
import io.gyre.wasm.CallOutcome;
import java.util.Optional;

/**
 * How a call ended, as one byte of the receipt: 0 for success, else the wasm-host error kind. The
 * codes are part of the format (proofs/README.md) and never renumbered.
 */
public enum OutcomeStatus {
  SUCCESS(0),
  FUEL_LIMIT(1),
  MEMORY_LIMIT(2),
  WALL_TIME_LIMIT(3),
  STACK_DEPTH_LIMIT(4),
  OUTPUT_SIZE_LIMIT(5),
  TRAP(6),
  SERVICE_ERROR(7),
  EXIT_CODE(8),
  NO_SUCH_FUNCTION(9),
  BAD_ARGUMENTS(10),
  BAD_RESULT(11);

  private final int code;

  OutcomeStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<OutcomeStatus> ofCode(int code) {
    for (OutcomeStatus status : values()) {
      if (status.code == code) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  public static OutcomeStatus of(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Failure failure) {
      return of(failure.error().kind());
    }
    return SUCCESS;
  }

  static OutcomeStatus of(CallError.Kind kind) {
    return valueOf(kind.name());
  }

  /**
   * Whether re-executing the call must give the same outcome: every call but one stopped by the
   * wall-time backstop (wasm-host/README.md, "Determinism").
   */
  public boolean reproducible() {
    return this != WALL_TIME_LIMIT;
  }
}
