package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Ident;
import io.gyre.aqua.ast.Signature;
import io.gyre.aqua.ast.Stmt;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.QualifiedNames;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.resolve.TypeResolver;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Checks the statements of a function body (and of closures inside it). */
final class StmtChecker {
  private final ModuleScope module;
  private final int order;
  private final Typing typing;
  private final ExprChecker exprs;
  private final BiConsumer<Pos, String> error;

  StmtChecker(ModuleScope module, int order, Typing typing, BiConsumer<Pos, String> error) {
    this.module = module;
    this.order = order;
    this.typing = typing;
    this.error = error;
    this.exprs = new ExprChecker(module, order, typing, error);
  }

  /** A function or closure body: its statements, then its return against {@code results}. */
  void body(List<Stmt> body, List<Type> results, Locals locals, Pos header) {
    for (int i = 0; i < body.size(); i++) {
      Stmt stmt = body.get(i);
      if (stmt instanceof Stmt.Return r) {
        if (i != body.size() - 1) {
          error.accept(r.pos(), "'<-' returns from the function: it must be its last statement");
        }
        guarded(r, () -> ret(r, results, locals));
      } else {
        statement(stmt, locals);
      }
    }
    boolean returns = body.stream().anyMatch(s -> s instanceof Stmt.Return);
    if (!results.isEmpty() && !returns) {
      error.accept(
          header,
          "missing '<-': the function must return "
              + results.size()
              + " value"
              + (results.size() == 1 ? "" : "s"));
    }
  }

  private void ret(Stmt.Return r, List<Type> results, Locals locals) {
    if (r.values().size() != results.size()) {
      error.accept(
          r.pos(),
          "the function returns "
              + results.size()
              + " value"
              + (results.size() == 1 ? "" : "s")
              + ", given "
              + r.values().size());
      r.values().forEach(v -> exprs.check(v, locals));
      return;
    }
    for (int i = 0; i < results.size(); i++) {
      Expr v = r.values().get(i);
      boolean value =
          !(results.get(i) instanceof Type.Arrow || results.get(i) instanceof Type.Ability);
      Optional<Type> t = value ? exprs.data(v, locals) : exprs.check(v, locals);
      if (t.isPresent() && !Types.accepts(results.get(i), t.get())) {
        error.accept(
            v.pos(), "wrong value type: expected " + results.get(i) + ", given " + t.get());
      }
    }
  }

  private void block(List<Stmt> stmts, Locals locals) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Return r) {
        error.accept(r.pos(), "'<-' may only end a function body, not a block inside it");
        r.values().forEach(v -> exprs.check(v, locals));
      } else {
        statement(s, locals);
      }
    }
  }

  /** One statement; a compiler bug inside it becomes an error at this statement. */
  private void statement(Stmt stmt, Locals locals) {
    guarded(stmt, () -> checkStatement(stmt, locals));
  }

  private void guarded(Stmt stmt, Runnable check) {
    try {
      check.run();
    } catch (Stopped e) {
      throw e;
    } catch (RuntimeException
        | AssertionError
        | LinkageError e) { // a compiler bug: see Diagnostic.internal
      error.accept(stmt.pos(), internal(stmt, e));
      throw new Stopped(e);
    }
  }

  private String internal(Stmt stmt, Throwable e) {
    return Diagnostic.internal(module.module().source(), stmt.pos(), e).message();
  }

  /** Stops checking the function whose statement hit a compiler bug (already reported). */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped(Throwable cause) {
      super(null, cause, false, false);
    }
  }

  private void checkStatement(Stmt stmt, Locals locals) {
    if (stmt instanceof Stmt.DeclareStream d) {
      Optional<Type> t = new TypeResolver(module, order, error).resolve(d.type());
      if (t.isPresent()
          && (t.get() instanceof Type.Option || t.get() instanceof Type.Array)
          && t.get() instanceof Type.CollectionType c) {
        // Older Aqua declared streams as `x: ?T` / `x: []T`; 0.14.6 refuses them.
        typing.warn(
            Diagnostic.warning(
                module.module().source(),
                d.type().pos(),
                "deprecated: '"
                    + d.name().name()
                    + ": "
                    + t.get()
                    + "' declares a stream; write '"
                    + d.name().name()
                    + ": *"
                    + c.element()
                    + "'"));
        t = Optional.of(new Type.Stream(c.element()));
      }
      if (t.isPresent() && !(t.get() instanceof Type.Stream)) {
        error.accept(d.type().pos(), "expected a stream type (*T), given " + t.get());
      } else if (t.isPresent()) {
        typing.setDeclared(d, t.get());
        define(d.name(), t.get(), locals);
      }
    } else if (stmt instanceof Stmt.Assign a) {
      Optional<Type> t = exprs.check(a.value(), locals);
      if (t.isPresent() && t.get() instanceof Type.Product) {
        error.accept(
            a.value().pos(), "this value cannot be assigned: " + ExprChecker.describe(t.get()));
      }
      // A name whose value had an error is still defined, as ⊥, so its uses raise nothing more.
      define(
          a.name(), t.filter(type -> !(type instanceof Type.Product)).orElse(Types.BOTTOM), locals);
    } else if (stmt instanceof Stmt.Push p) {
      Optional<Type> stream = locals.find(p.stream().name());
      Optional<Type> value = exprs.data(p.value(), locals);
      if (stream.isEmpty()) {
        error.accept(p.stream().pos(), "unknown stream '" + p.stream().name() + "'");
      } else if (!(stream.get() instanceof Type.Stream s)) {
        error.accept(
            p.stream().pos(),
            "'<<-' pushes into a stream; '" + p.stream().name() + "' has type " + stream.get());
      } else if (value.isPresent() && !Types.accepts(s.element(), value.get())) {
        error.accept(
            p.value().pos(), "type mismatch: expected " + s.element() + ", given " + value.get());
      }
    } else if (stmt instanceof Stmt.Call c) {
      call(c, locals);
    } else if (stmt instanceof Stmt.Join j) {
      j.values().forEach(v -> exprs.data(v, locals));
    } else if (stmt instanceof Stmt.ServiceId s) {
      Optional<Symbol> symbol = QualifiedNames.lookup(module, s.service().name(), order);
      if (symbol.isEmpty() || !(symbol.get() instanceof Symbol.ServiceDef)) {
        error.accept(s.service().pos(), "'" + s.service().name() + "' is not a service");
      }
      exprs.expect(s.id(), Types.STRING, locals);
    } else if (stmt instanceof Stmt.On on) {
      peer(on.peer(), on.via(), locals);
      block(on.body(), locals);
    } else if (stmt instanceof Stmt.For f) {
      Locals inner = locals.child();
      iterate(f.item(), f.iterable(), locals, inner);
      block(f.body(), inner);
    } else if (stmt instanceof Stmt.ParSeq p) {
      Locals inner = locals.child();
      iterate(p.item(), p.iterable(), locals, inner);
      peer(p.peer(), p.via(), inner);
      block(p.body(), inner);
    } else if (stmt instanceof Stmt.If i) {
      exprs.expect(i.condition(), Types.BOOL, locals);
      block(i.then(), locals.child());
      i.otherwise().ifPresent(e -> block(e, locals.child()));
    } else if (stmt instanceof Stmt.Try t) {
      block(t.body(), locals.child());
    } else if (stmt instanceof Stmt.Catch c) {
      statement(c.tried(), locals);
      Locals inner = locals.child();
      define(c.error(), Builtins.ERROR, inner);
      block(c.handler(), inner);
    } else if (stmt instanceof Stmt.Otherwise o) {
      statement(o.tried(), locals);
      block(o.fallback(), locals.child());
    } else if (stmt instanceof Stmt.Par p) {
      statement(p.left(), locals);
      statement(p.right(), locals);
    } else if (stmt instanceof Stmt.Co c) {
      statement(c.body(), locals);
    } else if (stmt instanceof Stmt.Closure c) {
      closure(c, locals);
    } else if (stmt instanceof Stmt.Return r) {
      error.accept(r.pos(), "'<-' may only end a function body");
    }
  }

  private void call(Stmt.Call c, Locals locals) {
    if (!(c.call() instanceof Expr.Call || c.call() instanceof Expr.MethodCall)) {
      if (c.targets().isEmpty()) {
        error.accept(c.call().pos(), "a statement must do something: call a function or a service");
      } else {
        error.accept(c.call().pos(), "'<-' takes the results of a call; use '=' to name a value");
      }
      exprs.check(c.call(), locals);
      return;
    }
    Optional<Type> t = exprs.check(c.call(), locals);
    if (t.isEmpty()) {
      for (Ident target : c.targets()) {
        if (locals.find(target.name()).isEmpty()) {
          locals.define(target.name(), Types.BOTTOM);
        }
      }
      return;
    }
    List<Type> results = t.get() instanceof Type.Product p ? p.elements() : List.of(t.get());
    if (c.targets().isEmpty()) {
      return;
    }
    if (results.size() != c.targets().size()) {
      error.accept(
          c.pos(),
          "the call returns "
              + results.size()
              + " value"
              + (results.size() == 1 ? "" : "s")
              + ", but "
              + c.targets().size()
              + " name"
              + (c.targets().size() == 1 ? " is" : "s are")
              + " given");
      return;
    }
    for (int i = 0; i < results.size(); i++) {
      Ident target = c.targets().get(i);
      Optional<Type> existing = locals.find(target.name());
      if (existing.isPresent() && existing.get() instanceof Type.Stream s) {
        typing.setPushTarget(c, i);
        if (!Types.accepts(s.element(), results.get(i))) {
          error.accept(
              target.pos(),
              "type mismatch: stream '"
                  + target.name()
                  + "' takes "
                  + s.element()
                  + ", given "
                  + results.get(i));
        }
      } else {
        define(target, results.get(i), locals);
      }
    }
  }

  private void peer(Expr peer, List<Expr> via, Locals locals) {
    exprs.expect(peer, Types.STRING, locals);
    for (Expr v : via) {
      Optional<Type> t = exprs.data(v, locals);
      if (t.isEmpty()) {
        continue;
      }
      Type want =
          t.get() instanceof Type.CollectionType ? new Type.Option(Types.STRING) : Types.STRING;
      if (!Types.accepts(want, t.get()) && !Types.accepts(new Type.Array(Types.STRING), t.get())) {
        error.accept(
            v.pos(),
            "type mismatch: a relay is a peer id (string) or a collection of them, given "
                + t.get());
      }
    }
  }

  private void iterate(Ident item, Expr iterable, Locals outer, Locals inner) {
    Optional<Type> t = exprs.data(iterable, outer);
    if (t.isEmpty()) {
      return;
    }
    if (!(t.get() instanceof Type.CollectionType c)) {
      error.accept(iterable.pos(), "'for' iterates over a collection, given " + t.get());
      return;
    }
    define(item, c.element(), inner);
  }

  private void closure(Stmt.Closure c, Locals locals) {
    TypeResolver types = new TypeResolver(module, order, error);
    List<Type> params = new ArrayList<>();
    Locals inner = locals.child();
    boolean ok = true;
    for (Signature.Param p : c.signature().params()) {
      Optional<Type> t = types.resolve(p.type());
      ok &= t.isPresent();
      t.ifPresent(
          type -> {
            params.add(type);
            inner.define(p.name().name(), type);
          });
    }
    List<Type> results = new ArrayList<>();
    for (var r : c.signature().results()) {
      Optional<Type> t = types.resolve(r);
      ok &= t.isPresent();
      t.ifPresent(results::add);
    }
    if (!ok) {
      return;
    }
    Type.Arrow arrow = new Type.Arrow(params, results);
    typing.setDeclared(c, arrow);
    define(c.name(), arrow, locals);
    body(c.body(), results, inner, c.name().pos());
  }

  void define(Ident name, Type type, Locals locals) {
    if (locals.find(name.name()).isPresent()) {
      error.accept(name.pos(), "'" + name.name() + "' is already defined in this scope");
      return;
    }
    locals.define(name.name(), type);
  }
}
