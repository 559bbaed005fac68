package io.gyre.aqua.check;

import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Names every Aqua function sees without importing anything. */
public final class Builtins {
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

  private static final Map<String, Value> VALUES = new LinkedHashMap<>();

  static {
    VALUES.put("nil", Value.Literal.NIL);
    VALUES.put("LAST_ERROR", LAST_ERROR);
    VALUES.put("PARTICLE_TTL", new Value.Literal("%ttl%", Types.U32));
    VALUES.put("INIT_PEER_ID", Value.Literal.INIT_PEER);
    VALUES.put("HOST_PEER_ID", RELAY);
    VALUES.put("PARTICLE_TIMESTAMP", new Value.Literal("%timestamp%", Types.U64));
  }

  private Builtins() {}

  public static Optional<Value> value(String name) {
    return Optional.ofNullable(VALUES.get(name));
  }

  public static Iterable<String> names() {
    return VALUES.keySet();
  }
}
