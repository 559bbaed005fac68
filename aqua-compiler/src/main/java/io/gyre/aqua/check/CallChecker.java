package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Checks calls (part of {@link ExprChecker}): what a call calls — a function, a closure or arrow
 * argument, a service function, an ability arrow, a module's function — and its abilities and
 * arguments against the arrow's type.
 */
final class CallChecker {
  private final ExprChecker exprs;
  private final ModuleScope module;
  private final int order;
  private final Typing typing;
  private final BiConsumer<Pos, String> error;

  CallChecker(
      ExprChecker exprs,
      ModuleScope module,
      int order,
      Typing typing,
      BiConsumer<Pos, String> error) {
    this.exprs = exprs;
    this.module = module;
    this.order = order;
    this.typing = typing;
    this.error = error;
  }

  Optional<Type> call(Expr.Call c, Locals locals) {
    String name = c.callee().name();
    Optional<Type> local = locals.find(name);
    Callee callee;
    if (local.isPresent()) {
      if (!(local.get() instanceof Type.Arrow arrow)) {
        error.accept(
            c.callee().pos(), "'" + name + "' is not a function: it has type " + local.get());
        return Optional.empty();
      }
      callee = new Callee.LocalArrow(name, arrow);
    } else {
      Optional<Symbol> symbol = module.lookup(name, order);
      if (symbol.isPresent() && symbol.get() instanceof Symbol.FuncDef f) {
        callee = new Callee.Function(f, f.type());
      } else {
        error.accept(
            c.callee().pos(),
            "unknown function '" + name + "'" + Suggestions.didYouMean(name, candidates(locals)));
        c.args().forEach(a -> check(a, locals));
        return Optional.empty();
      }
    }
    return finishCall(c, callee, c.abilities(), c.args(), c.callee().pos(), name, locals);
  }

  Optional<Type> method(Expr.MethodCall m, Locals locals) {
    Optional<Callee> callee = methodCallee(m, locals);
    if (callee.isEmpty()) {
      m.args().forEach(a -> check(a, locals));
      return Optional.empty();
    }
    return finishCall(
        m, callee.get(), m.abilities(), m.args(), m.method().pos(), m.method().name(), locals);
  }

  private Optional<Callee> methodCallee(Expr.MethodCall m, Locals locals) {
    String fn = m.method().name();
    Optional<Type> base = check(m.base(), locals);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    Type t = base.get();
    if (t instanceof Type.Bottom) {
      return Optional.empty(); // already reported
    }
    if (t instanceof Type.Service s) {
      Type.Arrow arrow = s.functions().get(fn);
      if (arrow == null) {
        error.accept(
            m.method().pos(),
            "service "
                + s.name()
                + " has no function '"
                + fn
                + "'"
                + Suggestions.didYouMean(fn, s.functions().keySet()));
        return Optional.empty();
      }
      Ref ref = typing.hasRef(m.base()) ? typing.ref(m.base()) : null;
      if (ref instanceof Ref.Service rs) {
        return Optional.of(new Callee.ServiceFunction(rs.service(), fn, arrow));
      }
      // a service held in an ability field or passed as an ability
      return Optional.of(new Callee.AbilityArrow(m.base(), fn, arrow));
    }
    if (t instanceof Type.Ability a) {
      if (a.fields().get(fn) instanceof Type.Arrow arrow) {
        return Optional.of(new Callee.AbilityArrow(m.base(), fn, arrow));
      }
      error.accept(m.method().pos(), "ability " + a.name() + " has no arrow '" + fn + "'");
      return Optional.empty();
    }
    if (typing.hasRef(m.base()) && typing.ref(m.base()) instanceof Ref.Module rm) {
      Symbol symbol = rm.module().declared().get(fn);
      if (symbol instanceof Symbol.FuncDef f) {
        return Optional.of(new Callee.Function(f, f.type()));
      }
      error.accept(
          m.method().pos(), "module " + rm.module().name() + " declares no function '" + fn + "'");
      return Optional.empty();
    }
    error.accept(m.method().pos(), "cannot call '" + fn + "' on a value of type " + describe(t));
    return Optional.empty();
  }

  private Optional<Type> finishCall(
      Expr call,
      Callee callee,
      List<Expr> abilities,
      List<Expr> args,
      Pos namePos,
      String name,
      Locals locals) {
    typing.setCallee(call, callee);
    boolean ok = true;
    List<Type> wantedAbilities =
        callee instanceof Callee.Function f ? f.function().abilities() : List.of();
    if (abilities.size() != wantedAbilities.size()) {
      error.accept(
          namePos,
          "'"
              + name
              + "' takes "
              + wantedAbilities.size()
              + " abilities in {}, given "
              + abilities.size());
      ok = false;
    } else {
      for (int i = 0; i < abilities.size(); i++) {
        Optional<Type> t = check(abilities.get(i), locals);
        boolean named =
            t.isPresent() && (t.get() instanceof Type.Ability || t.get() instanceof Type.Service);
        if (t.isPresent() && !(named && Types.accepts(wantedAbilities.get(i), t.get()))) {
          error.accept(
              abilities.get(i).pos(),
              "expected ability " + wantedAbilities.get(i) + ", given " + describe(t.get()));
          ok = false;
        }
        ok &= t.isPresent();
      }
    }
    List<Type> params = callee.type().params();
    if (args.size() != params.size()) {
      error.accept(
          namePos,
          "wrong number of arguments: '"
              + name
              + "' takes "
              + params.size()
              + ", given "
              + args.size());
      args.forEach(a -> check(a, locals));
      return Optional.empty();
    }
    for (int i = 0; i < args.size(); i++) {
      ok &= argument(args.get(i), params.get(i), locals);
    }
    if (!ok) {
      return Optional.empty();
    }
    List<Type> results = callee.type().results();
    return Optional.of(results.size() == 1 ? results.get(0) : new Type.Product(results));
  }

  boolean argument(Expr arg, Type param, Locals locals) {
    Optional<Type> t = check(arg, locals);
    if (t.isEmpty()) {
      return false;
    }
    if (param instanceof Type.Arrow || param instanceof Type.Ability) {
      if (!Types.accepts(param, t.get())) {
        error.accept(
            arg.pos(),
            "type mismatch: expected " + describe(param) + ", given " + describe(t.get()));
        return false;
      }
      return true;
    }
    if (!(t.get() instanceof Type.DataType)) {
      error.accept(arg.pos(), "expected a value of type " + param + ", given " + describe(t.get()));
      return false;
    }
    if (!Types.accepts(param, t.get())) {
      error.accept(arg.pos(), "type mismatch: expected " + param + ", given " + t.get());
      return false;
    }
    return true;
  }

  private Optional<Type> check(Expr expr, Locals locals) {
    return exprs.check(expr, locals);
  }

  private List<String> candidates(Locals locals) {
    return exprs.candidates(locals);
  }

  private static String describe(Type t) {
    return ExprChecker.describe(t);
  }
}
