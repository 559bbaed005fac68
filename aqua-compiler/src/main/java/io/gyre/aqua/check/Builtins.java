package io.gyre.aqua.check;

import io.gyre.aqua.model.BuiltinValues;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Type;
import java.util.Optional;

/** Names every Aqua function sees without importing anything (see {@link BuiltinValues}). */
public final class Builtins {
  /** The error of a failed instruction ({@code LAST_ERROR}, {@code catch e}). */
  public static final Type.Struct ERROR = BuiltinValues.ERROR;

  /** AIR's {@code :error:}. */
  public static final Value.Var LAST_ERROR = BuiltinValues.LAST_ERROR;

  /** The relay peer: the function's {@code -relay-} argument. */
  public static final Value.Var RELAY = BuiltinValues.RELAY;

  private Builtins() {}

  public static Optional<Value> value(String name) {
    return BuiltinValues.value(name);
  }

  public static Iterable<String> names() {
    return BuiltinValues.names();
  }
}
