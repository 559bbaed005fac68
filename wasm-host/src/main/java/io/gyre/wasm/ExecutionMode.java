package io.gyre.wasm;

/** How modules run: compiled to JVM bytecode (the default) or interpreted. */
public enum ExecutionMode {
  /** Chicory's runtime compiler; functions it cannot compile fall back to the interpreter. */
  COMPILED,
  /** Chicory's interpreter only. */
  INTERPRETED
}
