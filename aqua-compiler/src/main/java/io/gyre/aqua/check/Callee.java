package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.types.Type;

/** What a call calls, as the type checker resolved it. */
public sealed interface Callee {
  Type.Arrow type();

  /** {@code Srv.fn(...)}. */
  record ServiceFunction(Symbol.ServiceDef service, String function, Type.Arrow type)
      implements Callee {}

  /** {@code Ab.fn(...)} where {@code ability} evaluates to an ability value. */
  record AbilityArrow(Expr ability, String arrow, Type.Arrow type) implements Callee {}

  /** A top-level function. */
  record Function(Symbol.FuncDef function, Type.Arrow type) implements Callee {}

  /** An arrow held by a local name: a closure or an arrow parameter. */
  record LocalArrow(String name, Type.Arrow type) implements Callee {}
}
