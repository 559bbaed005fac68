package io.gyre.aqua.types;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Aqua's scalar types (the Wasm interface-types names). */
public enum ScalarKind {
  U8,
  U16,
  U32,
  U64,
  I8,
  I16,
  I32,
  I64,
  F32,
  F64,
  BOOL,
  STRING;

  public static final Set<ScalarKind> FLOAT = EnumSet.of(F32, F64);
  public static final Set<ScalarKind> SIGNED = EnumSet.of(I8, I16, I32, I64);
  public static final Set<ScalarKind> UNSIGNED = EnumSet.of(U8, U16, U32, U64);
  public static final Set<ScalarKind> INTEGER = EnumSet.of(U8, U16, U32, U64, I8, I16, I32, I64);
  public static final Set<ScalarKind> NUMBER =
      EnumSet.of(U8, U16, U32, U64, I8, I16, I32, I64, F32, F64);

  public String aquaName() {
    return name().toLowerCase();
  }

  public static Optional<ScalarKind> byName(String name) {
    for (ScalarKind kind : values()) {
      if (kind.aquaName().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Whether every value of {@code this} fits in {@code wider} (strictly wider type). */
  public boolean fitsStrictlyIn(ScalarKind wider) {
    return switch (this) {
      case I8 -> wider == I16 || wider == I32 || wider == I64 || wider == F32 || wider == F64;
      case I16 -> wider == I32 || wider == I64 || wider == F32 || wider == F64;
      case I32 -> wider == I64 || wider == F64;
      case U8 ->
          wider == U16
              || wider == U32
              || wider == U64
              || wider == I16
              || wider == I32
              || wider == I64
              || wider == F32
              || wider == F64;
      case U16 ->
          wider == U32
              || wider == U64
              || wider == I32
              || wider == I64
              || wider == F32
              || wider == F64;
      case U32 -> wider == U64 || wider == I64 || wider == F64;
      case F32 -> wider == F64;
      default -> false;
    };
  }
}
