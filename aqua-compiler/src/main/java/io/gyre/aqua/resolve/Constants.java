package io.gyre.aqua.resolve;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.model.BuiltinValues;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Types;
import java.util.Optional;
import java.util.function.Function;

/** Folds the expressions Aqua allows as constants into AIR literals. */
public final class Constants {
  private Constants() {}

  /**
   * The value of a {@code const}: a literal, {@code nil}, {@code %init_peer_id%}, a built-in value
   * ({@code INIT_PEER_ID}, {@code HOST_PEER_ID}, {@code PARTICLE_TTL}, {@code PARTICLE_TIMESTAMP},
   * {@code LAST_ERROR}: Aqua 0.14 accepts {@code const ON_PEER ?= HOST_PEER_ID}) or another constant;
   * a constant's uses stand for that value.
   */
  public static Optional<Value> constValue(
      Expr expr, Function<String, Optional<Value>> constants) {
    if (expr instanceof Expr.Name n) {
      Optional<Value> builtin = BuiltinValues.value(n.name());
      if (builtin.isPresent()) {
        return builtin;
      }
      return constants.apply(n.name());
    }
    return fold(expr, name -> Optional.empty()).map(v -> (Value) v);
  }

  /** A literal-only constant expression (a service's default id): literal, nil or constant. */
  public static Optional<Value.Literal> fold(
      Expr expr, Function<String, Optional<Value.Literal>> constants) {
    if (expr instanceof Expr.Literal l) {
      return Optional.of(literal(l));
    }
    if (expr instanceof Expr.InitPeer) {
      return Optional.of(Value.Literal.INIT_PEER);
    }
    if (expr instanceof Expr.Name n) {
      if (n.name().equals("nil")) {
        return Optional.of(Value.Literal.NIL);
      }
      return constants.apply(n.name());
    }
    return Optional.empty();
  }

  /** The AIR literal for an Aqua literal, typed as a literal (it fits several scalars). */
  public static Value.Literal literal(Expr.Literal l) {
    return switch (l.kind()) {
      case STRING -> Value.Literal.string(l.text());
      case BOOL -> new Value.Literal(l.text(), Types.LITERAL_BOOL);
      case UNSIGNED -> new Value.Literal(normalizeInt(l.text()), Types.LITERAL_UNSIGNED);
      case SIGNED -> new Value.Literal(normalizeInt(l.text()), Types.LITERAL_SIGNED);
      case FLOAT -> new Value.Literal(l.text(), Types.LITERAL_FLOAT);
    };
  }

  private static String normalizeInt(String text) {
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    digits = digits.replaceFirst("^0+(?=.)", "");
    return negative && !digits.equals("0") ? "-" + digits : digits;
  }
}
