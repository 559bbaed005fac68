package io.gyre.aqua.ast;

import io.gyre.aqua.source.Pos;
import java.util.List;

/** {@code (a: A, b: B) -> R, S}: named parameters and result types of a function or arrow. */
public record Signature(List<Param> params, List<TypeExpr> results, Pos pos) {
  public Signature {
    params = List.copyOf(params);
    results = List.copyOf(results);
  }

  public record Param(Ident name, TypeExpr type) {}
}
