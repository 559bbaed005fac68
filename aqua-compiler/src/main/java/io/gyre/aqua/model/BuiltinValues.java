package io.gyre.aqua.model;

import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The values every Aqua program sees by name without importing anything ({@code nil}, {@code
 * LAST_ERROR}, {@code PARTICLE_TTL}, {@code INIT_PEER_ID}, {@code HOST_PEER_ID}, {@code
 * PARTICLE_TIMESTAMP}): used in function bodies and as the value of a {@code const}.
 */
public final class BuiltinValues {
  /** The error of a failed instruction ({@code LAST_ERROR}, {@code catch e}). */
  public static final Type.Struct ERROR =
      new Type.Struct(
          "Error",
          Map.of(
              "error_code", Types.I64,
              "instruction", Types.STRING,
              "message", Types.STRING,
              "peer_id", Types.STRING));

  /** AIR's {@code :error:}. */
  public static final Value.Var LAST_ERROR = new Value.Var(":error:", ERROR);

  /** The relay peer: the function's {@code -relay-} argument. */
  public static final Value.Var RELAY = new Value.Var("-relay-", Types.STRING);

  private static final Map<String, Value> VALUES;

  static {
    Map<String, Value> values = new LinkedHashMap<>();
    values.put("nil", Value.Literal.NIL);
    values.put("LAST_ERROR", LAST_ERROR);
    values.put("PARTICLE_TTL", new Value.Literal("%ttl%", Types.U32));
    values.put("INIT_PEER_ID", Value.Literal.INIT_PEER);
    values.put("HOST_PEER_ID", RELAY);
    values.put("PARTICLE_TIMESTAMP", new Value.Literal("%timestamp%", Types.U64));
    VALUES = Collections.unmodifiableMap(values);
  }

  private BuiltinValues() {}

  public static Optional<Value> value(String name) {
    return Optional.ofNullable(VALUES.get(name));
  }

  public static Iterable<String> names() {
    return VALUES.keySet();
  }
}
