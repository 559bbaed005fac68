package io.gyre.wasm;

/** Why a call failed. The message names the limit, trap or rule that stopped it. */
public record CallError(Kind kind, String message) {

  public enum Kind {
    FUEL_LIMIT,
    MEMORY_LIMIT,
    WALL_TIME_LIMIT,
    STACK_DEPTH_LIMIT,
    OUTPUT_SIZE_LIMIT,
    /** The module trapped (unreachable, out-of-bounds access, division by zero, …). */
    TRAP,
    /** The module reported an error itself, through {@code gyre.fail}. */
    SERVICE_ERROR,
    /** A WASI command exited with a non-zero status. */
    EXIT_CODE,
    NO_SUCH_FUNCTION,
    /** The arguments are not a JSON array that fits the function's declared arguments. */
    BAD_ARGUMENTS,
    /** The module answered something that is not a JSON result where the ABI wants one. */
    BAD_RESULT
  }

  /** Whether a service limit stopped the call. */
  public boolean isLimit() {
    return switch (kind) {
      case FUEL_LIMIT, MEMORY_LIMIT, WALL_TIME_LIMIT, STACK_DEPTH_LIMIT, OUTPUT_SIZE_LIMIT -> true;
      default -> false;
    };
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
