package io.gyre.aqua.lower;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Expr.BinaryOp;
import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.List;

/**
 * Lowers operators (part of {@link ValueLowerer}): arithmetic and comparisons become {@code math}
 * and {@code cmp} calls unless both sides are literals (then they are folded as Fluence's compiler
 * folds them); equality and boolean operators become {@code match}/{@code xor}, with the right side
 * of {@code &&}/{@code ||} computed only when it decides.
 */
final class OperatorLowerer {
  private final Lowering lowering;
  private final ValueLowerer values;

  OperatorLowerer(Lowering lowering, ValueLowerer values) {
    this.lowering = lowering;
    this.values = values;
  }

  // ---------------------------------------------------------------- operators

  Value not(Value v, Frame f) {
    if (v instanceof Value.Literal l && (l.air().equals("true") || l.air().equals("false"))) {
      return Value.Literal.bool(!l.air().equals("true"));
    }
    Value.Var result = new Value.Var(lowering.names.fresh("not"), Types.BOOL);
    f.emit(
        new Op.Xor(
            List.of(
                new Op.Match(
                    v,
                    Value.Literal.bool(true),
                    true,
                    new Op.Ap(Value.Literal.bool(false), result)),
                new Op.Ap(Value.Literal.bool(true), result))));
    return result;
  }

  Value binary(Expr.Binary b, Frame f) {
    BinaryOp op = b.op();
    Value left = values.lower(b.left(), f);
    if (op == BinaryOp.AND || op == BinaryOp.OR) {
      return logical(op, left, b.right(), f);
    }
    Value right = values.lower(b.right(), f);
    java.util.Optional<Value> folded = Folding.fold(op, left, right, lowering.typing.type(b));
    if (folded.isPresent()) {
      return folded.get();
    }
    if (op == BinaryOp.EQ || op == BinaryOp.NEQ) {
      left = lowering.streams.canonIfStream(left, f);
      right = lowering.streams.canonIfStream(right, f);
      String name = op == BinaryOp.EQ ? "eq" : "neq";
      Value.Var result = new Value.Var(lowering.names.fresh(name), Types.BOOL);
      f.emit(
          new Op.Xor(
              List.of(
                  new Op.Match(
                      left, right, op == BinaryOp.EQ, new Op.Ap(Value.Literal.bool(true), result)),
                  new Op.Ap(Value.Literal.bool(false), result))));
      return result;
    }
    if (op.isComparison()) {
      String fn =
          switch (op) {
            case LT -> "lt";
            case LTE -> "lte";
            case GT -> "gt";
            default -> "gte";
          };
      return call("cmp", fn, left, right, Types.BOOL, f);
    }
    String fn =
        switch (op) {
          case ADD -> "add";
          case SUB -> "sub";
          case MUL -> isFloat(left) || isFloat(right) ? "fmul" : "mul";
          case DIV -> "div";
          case REM -> "rem";
          default -> "pow";
        };
    return call("math", fn, left, right, lowering.typing.type(b), f);
  }

  private static boolean isFloat(Value v) {
    Type t = v.type();
    return Types.accepts(t, Types.LITERAL_FLOAT) && !(t instanceof Type.Top);
  }

  Value arithmetic(String fn, Value left, Value right, Frame f) {
    return call("math", fn, left, right, Types.I64, f);
  }

  private Value call(String service, String fn, Value left, Value right, Type type, Frame f) {
    Value.Var result = new Value.Var(lowering.names.fresh(fn), type);
    f.emit(
        new Op.Call(
            Value.Literal.string(service),
            fn,
            List.of(left, right),
            java.util.Optional.of(result)));
    return result;
  }

  /** {@code a && b}, {@code a || b}: the right side is only computed when it decides. */
  private Value logical(BinaryOp op, Value left, Expr rightExpr, Frame f) {
    boolean and = op == BinaryOp.AND;
    if (left instanceof Value.Literal l && (l.air().equals("true") || l.air().equals("false"))) {
      boolean lv = l.air().equals("true");
      if (and != lv) {
        return left; // false && _, true || _
      }
      return values.lower(rightExpr, f);
    }
    Frame rightFrame = f.sub();
    Value right = values.lower(rightExpr, rightFrame);
    Value.Var result = new Value.Var(lowering.names.fresh(and ? "and" : "or"), Types.BOOL);
    rightFrame.emit(new Op.Ap(right, result));
    f.emit(
        new Op.Xor(
            List.of(
                new Op.Match(left, Value.Literal.bool(!and), true, new Op.Ap(left, result)),
                Op.seq(rightFrame.out))));
    return result;
  }
}
