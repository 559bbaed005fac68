package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Expr.BinaryOp;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.types.ScalarKind;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks operators (part of {@link ExprChecker}): boolean operators want bools, {@code ==}/{@code
 * !=} comparable values, arithmetic and comparisons integers (float multiplication aside); an
 * arithmetic result has the union of its operands' types.
 */
final class OperatorChecker {
  private final ExprChecker exprs;
  private final BiConsumer<Pos, String> error;

  OperatorChecker(ExprChecker exprs, BiConsumer<Pos, String> error) {
    this.exprs = exprs;
    this.error = error;
  }

  Optional<Type> binary(Expr.Binary b, Locals locals) {
    Optional<Type> lt = data(b.left(), locals);
    Optional<Type> rt = data(b.right(), locals);
    if (lt.isEmpty() || rt.isEmpty()) {
      return Optional.empty();
    }
    Type l = lt.get();
    Type r = rt.get();
    BinaryOp op = b.op();
    if (op == BinaryOp.AND || op == BinaryOp.OR) {
      boolean ok = expectType(b.left(), l, Types.BOOL) && expectType(b.right(), r, Types.BOOL);
      return ok ? Optional.of(Types.BOOL) : Optional.empty();
    }
    if (op == BinaryOp.EQ || op == BinaryOp.NEQ) {
      if (!comparable(l, r)) {
        error.accept(b.pos(), "cannot compare " + l + " with " + r);
        return Optional.empty();
      }
      return Optional.of(Types.BOOL);
    }
    boolean floats = acceptsFloat(l) || acceptsFloat(r);
    if (op == BinaryOp.MUL && floats) {
      boolean ok = oneOf(b.left(), l, ScalarKind.FLOAT) && oneOf(b.right(), r, ScalarKind.FLOAT);
      return ok ? Optional.of(Types.I64) : Optional.empty();
    }
    Set<ScalarKind> right = op == BinaryOp.POW ? ScalarKind.UNSIGNED : ScalarKind.INTEGER;
    boolean ok = oneOf(b.left(), l, ScalarKind.INTEGER) && oneOf(b.right(), r, right);
    if (!ok) {
      return Optional.empty();
    }
    if (op.isComparison()) {
      return Optional.of(Types.BOOL);
    }
    Type united = Types.unite(l, r);
    return Optional.of(
        united instanceof Type.Scalar || united instanceof Type.Literal ? united : Types.I64);
  }

  private static boolean acceptsFloat(Type t) {
    return Types.accepts(t, Types.LITERAL_FLOAT) && !(t instanceof Type.Top);
  }

  private boolean oneOf(Expr at, Type t, Set<ScalarKind> kinds) {
    if (Types.isOneOf(t, kinds)) {
      return true;
    }
    List<String> names = kinds.stream().map(ScalarKind::aquaName).toList();
    error.accept(
        at.pos(), "type mismatch: expected one of " + String.join(", ", names) + ", given " + t);
    return false;
  }

  private boolean expectType(Expr at, Type t, Type expected) {
    if (Types.accepts(expected, t)) {
      return true;
    }
    error.accept(at.pos(), "type mismatch: expected " + expected + ", given " + t);
    return false;
  }

  static boolean comparable(Type l, Type r) {
    if (Types.accepts(l, r) || Types.accepts(r, l)) {
      return true;
    }
    if (Types.isNumeric(l) && Types.isNumeric(r)) {
      return true;
    }
    if (l instanceof Type.CollectionType lc && r instanceof Type.CollectionType rc) {
      return comparable(lc.element(), rc.element());
    }
    return l instanceof Type.Struct && r instanceof Type.Struct;
  }

  private Optional<Type> data(Expr expr, Locals locals) {
    return exprs.data(expr, locals);
  }
}
