package io.gyre.aqua.ast;

import io.gyre.aqua.source.Pos;
import java.util.List;
import java.util.Optional;

/** A top-level declaration. */
public sealed interface Decl {
  Ident name();

  default Pos pos() {
    return name().pos();
  }

  record Data(Ident name, List<Field> fields) implements Decl {
    public Data {
      fields = List.copyOf(fields);
    }
  }

  record Field(Ident name, TypeExpr type) {}

  record Alias(Ident name, TypeExpr type) implements Decl {}

  /** {@code const NAME = value}; {@code ?=} marks a constant the user may override. */
  record Const(Ident name, boolean overridable, Expr value) implements Decl {}

  record Service(Ident name, Optional<Expr> defaultId, List<ArrowDecl> arrows) implements Decl {
    public Service {
      arrows = List.copyOf(arrows);
    }
  }

  /** A named arrow without a body: a service function or an ability's arrow field. */
  record ArrowDecl(Ident name, Signature signature) {}

  /** An ability: value fields (by type) and arrow fields. */
  record Ability(Ident name, List<Field> fields, List<ArrowDecl> arrows) implements Decl {
    public Ability {
      fields = List.copyOf(fields);
      arrows = List.copyOf(arrows);
    }
  }

  /** {@code func name{Ab, ...}(params) -> results:} and its body. */
  record Func(Ident name, List<Ident> abilities, Signature signature, List<Stmt> body)
      implements Decl {
    public Func {
      abilities = List.copyOf(abilities);
      body = List.copyOf(body);
    }
  }
}
