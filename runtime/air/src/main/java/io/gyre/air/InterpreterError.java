package io.gyre.air;

/**
 * An error that ended a run on this peer, with AquaVM's ret_code (e.g. 20013 for a stream past its
 * limit) and a message that names what was wrong. The codes a host acts on are named here; the
 * module README lists them all.
 */
public record InterpreterError(int retCode, String message) {
  /** The AIR cannot be parsed, or uses an undefined variable or iterator. */
  public static final int PARSE_ERROR = 1;

  /** The data cannot be decoded: bad magic, truncated, a malformed record. */
  public static final int DATA_ERROR = 2;

  /** A batch of the data does not verify for this particle. */
  public static final int SIGNATURE_MISMATCH = 9;

  /** The script is over {@link AirLimits#maxScriptBytes()}. */
  public static final int SCRIPT_TOO_LARGE = 10;

  /** The incoming data is over {@link AirLimits#maxDataBytes()}. */
  public static final int DATA_TOO_LARGE = 11;

  /** A call result is over {@link AirLimits#maxCallResultBytes()}. */
  public static final int CALL_RESULT_TOO_LARGE = 12;

  /** An error the interpreter did not foresee (a bug, or a value nested too deep). */
  public static final int INTERNAL_ERROR = 20000;

  /** A call result nobody asked for. */
  public static final int UNPROCESSED_CALL_RESULT = 30000;

  /** The particle expired ({@code timestamp + ttl} has passed): Gyre's own code. */
  public static final int PARTICLE_EXPIRED = 40000;

  /** Whether the data that arrived was refused (forged, altered or undecodable). */
  public boolean refusesData() {
    return retCode == DATA_ERROR || retCode == SIGNATURE_MISMATCH;
  }
}
