package io.gyre.air.syntax;

/** The five kinds of AIR variables, told apart by their prefix. */
public enum VariableKind {
  /** {@code name}. */
  SCALAR,
  /** {@code $name}. */
  STREAM,
  /** {@code %name}. */
  STREAM_MAP,
  /** {@code #name} or {@code #$name}. */
  CANON_STREAM,
  /** {@code #%name}. */
  CANON_MAP
}
