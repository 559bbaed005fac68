package io.gyre.aqua.resolve;

import io.gyre.aqua.ast.TypeExpr;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.types.ScalarKind;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Turns written types into types, as seen from one place in one module. */
public final class TypeResolver {
  private final ModuleScope scope;
  private final int before;
  private final BiConsumer<Pos, String> error;

  public TypeResolver(ModuleScope scope, int before, BiConsumer<Pos, String> error) {
    this.scope = scope;
    this.before = before;
    this.error = error;
  }

  /** The type, or empty after reporting why it is not one. */
  public Optional<Type> resolve(TypeExpr expr) {
    if (expr instanceof TypeExpr.Scalar s) {
      Optional<ScalarKind> kind = ScalarKind.byName(s.name());
      if (kind.isEmpty()) {
        error.accept(s.pos(), "unknown type '" + s.name() + "'");
        return Optional.empty();
      }
      return Optional.of(new Type.Scalar(kind.get()));
    }
    if (expr instanceof TypeExpr.Named n) {
      return named(n);
    }
    if (expr instanceof TypeExpr.Top) {
      return Optional.of(Types.TOP);
    }
    if (expr instanceof TypeExpr.Bottom) {
      return Optional.of(Types.BOTTOM);
    }
    if (expr instanceof TypeExpr.Array a) {
      return element(a.element(), "an array").map(Type.Array::new);
    }
    if (expr instanceof TypeExpr.Option o) {
      return element(o.element(), "an option").map(Type.Option::new);
    }
    if (expr instanceof TypeExpr.Stream s) {
      return element(s.element(), "a stream").map(Type.Stream::new);
    }
    TypeExpr.Arrow arrow = (TypeExpr.Arrow) expr;
    List<Type> params = new ArrayList<>();
    List<Type> results = new ArrayList<>();
    boolean ok = true;
    for (TypeExpr p : arrow.args()) {
      Optional<Type> t = resolve(p);
      ok &= t.isPresent();
      t.ifPresent(params::add);
    }
    for (TypeExpr r : arrow.results()) {
      Optional<Type> t = resolve(r);
      ok &= t.isPresent();
      t.ifPresent(results::add);
    }
    return ok ? Optional.of(new Type.Arrow(params, results)) : Optional.empty();
  }

  private Optional<Type> element(TypeExpr element, String what) {
    Optional<Type> t = resolve(element);
    if (t.isPresent() && !(t.get() instanceof Type.DataType)
        || t.isPresent() && t.get() instanceof Type.Stream) {
      error.accept(element.pos(), what + " cannot hold values of type " + t.get());
      return Optional.empty();
    }
    return t;
  }

  private Optional<Type> named(TypeExpr.Named n) {
    Optional<Symbol> symbol = QualifiedNames.lookup(scope, n.name(), before);
    if (symbol.isPresent() && symbol.get() instanceof Symbol.TypeDef t) {
      return Optional.of(t.type());
    }
    if (symbol.isPresent() && symbol.get() instanceof Symbol.ServiceDef s) {
      return Optional.of(s.type());
    }
    error.accept(n.pos(), "unknown type '" + n.name() + "'");
    return Optional.empty();
  }
}
