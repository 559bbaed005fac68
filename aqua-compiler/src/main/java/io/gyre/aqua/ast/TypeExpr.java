package io.gyre.aqua.ast;

import io.gyre.aqua.source.Pos;
import java.util.List;

/** A type as written in the source. */
public sealed interface TypeExpr {
  Pos pos();

  /** A lower-case type name: a scalar such as {@code u32} or {@code string}. */
  record Scalar(String name, Pos pos) implements TypeExpr {}

  /** A declared type: data, alias, service, ability; possibly qualified by a module name. */
  record Named(String name, Pos pos) implements TypeExpr {}

  record Array(TypeExpr element, Pos pos) implements TypeExpr {}

  record Stream(TypeExpr element, Pos pos) implements TypeExpr {}

  record Option(TypeExpr element, Pos pos) implements TypeExpr {}

  /** {@code ⊤}: any data. */
  record Top(Pos pos) implements TypeExpr {}

  /** {@code ⊥}: no data. */
  record Bottom(Pos pos) implements TypeExpr {}

  /** {@code A, B -> C}: an arrow. */
  record Arrow(List<TypeExpr> args, List<TypeExpr> results, Pos pos) implements TypeExpr {
    public Arrow {
      args = List.copyOf(args);
      results = List.copyOf(results);
    }
  }
}
