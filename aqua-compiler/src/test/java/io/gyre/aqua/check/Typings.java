package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;

/** Test access to what the checker records, to hand later stages a chosen finding. */
public final class Typings {
  private Typings() {}

  /** Makes {@code call} call {@code callee} from now on. */
  public static void redirect(Typing typing, Expr call, Callee callee) {
    typing.setCallee(call, callee);
  }
}
