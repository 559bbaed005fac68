package io.gyre.aqua.lower;

import io.gyre.aqua.ast.Expr.BinaryOp;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.Optional;

/**
 * Folds operators on two literals at compile time, with the results Fluence's compiler folds them
 * to (its integer division and remainder truncate towards zero).
 */
final class Folding {
  private Folding() {}

  static Optional<Value> fold(BinaryOp op, Value left, Value right, Type resultType) {
    if (!(left instanceof Value.Literal l) || !(right instanceof Value.Literal r)) {
      return Optional.empty();
    }
    if (op == BinaryOp.EQ || op == BinaryOp.NEQ) {
      if (l.air().startsWith("%")
          || r.air().startsWith("%")
          || l.air().equals("[]")
          || r.air().equals("[]")) {
        return Optional.empty();
      }
      boolean equal = l.air().equals(r.air());
      return Optional.of(Value.Literal.bool(op == BinaryOp.EQ ? equal : !equal));
    }
    Optional<Long> a = integer(l);
    Optional<Long> b = integer(r);
    if (a.isEmpty() || b.isEmpty()) {
      return Optional.empty();
    }
    long x = a.get();
    long y = b.get();
    try {
      return switch (op) {
        case ADD -> Optional.of(number(Math.addExact(x, y)));
        case SUB -> Optional.of(number(Math.subtractExact(x, y)));
        case MUL -> Optional.of(number(Math.multiplyExact(x, y)));
        case DIV -> y == 0 ? Optional.empty() : Optional.of(number(x / y));
        case REM -> y == 0 ? Optional.empty() : Optional.of(number(x % y));
        case POW -> y < 0 ? Optional.empty() : pow(x, y);
        case LT -> Optional.of(Value.Literal.bool(x < y));
        case LTE -> Optional.of(Value.Literal.bool(x <= y));
        case GT -> Optional.of(Value.Literal.bool(x > y));
        case GTE -> Optional.of(Value.Literal.bool(x >= y));
        default -> Optional.empty();
      };
    } catch (ArithmeticException overflow) {
      return Optional.empty();
    }
  }

  private static Optional<Value> pow(long x, long y) {
    long result = 1;
    for (long i = 0; i < y; i++) {
      result = Math.multiplyExact(result, x);
    }
    return Optional.of(number(result));
  }

  private static Value number(long n) {
    return Value.Literal.number(n);
  }

  private static Optional<Long> integer(Value.Literal l) {
    if (!(l.type() instanceof Type.Literal lt) || !Types.isNumeric(lt)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(l.air()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
