package io.gyre.wasm;

/**
 * One line of a call's log: from {@code gyre.log} (level error, warn, info, debug, trace) or from a
 * WASI module's stderr or a Gyre ABI module's stdout/stderr (level stderr or stdout).
 */
public record LogLine(String level, String text) {

  @Override
  public String toString() {
    return "[" + level + "] " + text;
  }
}
