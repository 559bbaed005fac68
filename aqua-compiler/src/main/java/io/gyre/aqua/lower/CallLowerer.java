package io.gyre.aqua.lower;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Stmt;
import io.gyre.aqua.check.Builtins;
import io.gyre.aqua.check.Callee;
import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers calls: service functions become AIR calls; functions and closures are inlined with their
 * arguments bound; ability arrows are looked up in the ability value; arrow arguments of the
 * exported function are answered by the client through {@code callbackSrv}.
 */
final class CallLowerer {
  private final Lowering lowering;

  CallLowerer(Lowering lowering) {
    this.lowering = lowering;
  }

  /** The results of a call expression. */
  List<Bound> call(Expr expr, Frame f) {
    Callee callee = lowering.typing.callee(expr);
    List<Expr> abilityArgs;
    List<Expr> args;
    Bound.Arrow arrow;
    if (expr instanceof Expr.Call c) {
      abilityArgs = c.abilities();
      args = c.args();
      arrow =
          callee instanceof Callee.Function fn
              ? new Bound.Function(fn.function())
              : (Bound.Arrow) f.env.find(c.callee().name()).orElseThrow();
    } else {
      Expr.MethodCall m = (Expr.MethodCall) expr;
      abilityArgs = m.abilities();
      args = m.args();
      arrow = methodArrow(m, callee, f);
    }
    List<Bound> abilities = new ArrayList<>();
    for (Expr a : abilityArgs) {
      abilities.add(abilityArgument(a, f));
    }
    List<Bound> values = new ArrayList<>();
    for (Expr a : args) {
      values.add(lowering.values.bound(a, f));
    }
    return invoke(arrow, abilities, values, f);
  }

  private Bound.Arrow methodArrow(Expr.MethodCall m, Callee callee, Frame f) {
    if (callee instanceof Callee.ServiceFunction sf) {
      Bound.Service service = service(sf.service(), f);
      return new Bound.ServiceFunction(service, sf.function(), sf.type());
    }
    if (callee instanceof Callee.Function fn) {
      return new Bound.Function(fn.function());
    }
    Callee.AbilityArrow aa = (Callee.AbilityArrow) callee;
    Bound base = lowering.values.bound(aa.ability(), f);
    if (base instanceof Bound.Service s) {
      return new Bound.ServiceFunction(s, aa.arrow(), aa.type());
    }
    Bound field = ((Bound.Ability) base).fields().get(aa.arrow());
    if (field instanceof Bound.Arrow a) {
      return a;
    }
    throw new IllegalStateException("ability arrow " + aa.arrow() + " is not bound to an arrow");
  }

  /**
   * An argument in {@code {...}}. A service named there goes with its default id even after {@code
   * Srv id} (so Fluence's compiler does; the id applies to {@code Srv.f} calls and values).
   */
  private Bound abilityArgument(Expr a, Frame f) {
    if (a instanceof Expr.Name n
        && lowering.typing.ref(n) instanceof io.gyre.aqua.check.Ref.Service s) {
      return defaultService(s.service(), f);
    }
    return lowering.values.bound(a, f);
  }

  /** A service as seen here: the id set by {@code Srv id} in scope, else its default id. */
  Bound.Service service(Symbol.ServiceDef def, Frame f) {
    Optional<Bound> override = f.env.find(serviceKey(def));
    if (override.isPresent()) {
      return (Bound.Service) override.get();
    }
    return defaultService(def, f);
  }

  private Bound.Service defaultService(Symbol.ServiceDef def, Frame f) {
    if (def.defaultId().isEmpty()) {
      lowering.error(
          f.module.module().source(),
          def.pos(),
          "service "
              + def.name()
              + " has no default id: set one with '"
              + def.name()
              + " \"id\"' before calling it");
      return new Bound.Service(def.type(), Value.Literal.string(def.name()));
    }
    return new Bound.Service(def.type(), def.defaultId().get());
  }

  static String serviceKey(Symbol.ServiceDef def) {
    return "service " + def.owner().name() + "." + def.name();
  }

  List<Bound> invoke(Bound.Arrow arrow, List<Bound> abilities, List<Bound> args, Frame f) {
    if (arrow instanceof Bound.ServiceFunction sf) {
      return serviceCall(sf.service().id(), sf.function(), sf.type(), args, f);
    }
    if (arrow instanceof Bound.Callback cb) {
      return callback(cb, args, f);
    }
    if (++lowering.inlineDepth > Lowering.MAX_INLINE_DEPTH) {
      lowering.error(
          f.module.module().source(),
          io.gyre.aqua.source.Pos.NONE,
          "too deeply nested: calls inline more than "
              + Lowering.MAX_INLINE_DEPTH
              + " levels deep");
      throw new Lowering.Abort();
    }
    try {
      if (arrow instanceof Bound.Function fn) {
        return inlineFunction(fn.def(), abilities, args, f);
      }
      return inlineClosure((Bound.Closure) arrow, args, f);
    } finally {
      lowering.inlineDepth--;
    }
  }

  private List<Bound> serviceCall(Value id, String fn, Type.Arrow type, List<Bound> args, Frame f) {
    List<Value> values = new ArrayList<>();
    for (Bound b : args) {
      values.add(lowering.streams.canonIfStream(((Bound.Data) b).value(), f));
    }
    Optional<Value.Var> result = Optional.empty();
    if (!type.results().isEmpty()) {
      result = Optional.of(new Value.Var(lowering.names.fresh("ret"), type.results().get(0)));
    }
    f.emit(new Op.Call(id, fn, values, result));
    return result.<List<Bound>>map(r -> List.of(new Bound.Data(r))).orElse(List.of());
  }

  private List<Bound> callback(Bound.Callback cb, List<Bound> args, Frame f) {
    List<Value> values = new ArrayList<>();
    for (Bound b : args) {
      values.add(lowering.streams.canonIfStream(((Bound.Data) b).value(), f));
    }
    Optional<Value.Var> result = Optional.empty();
    if (!cb.type().results().isEmpty()) {
      result =
          Optional.of(
              new Value.Var(lowering.names.fresh("init_call_res0"), cb.type().results().get(0)));
    }
    Op call = new Op.Call(Value.Literal.string("callbackSrv"), cb.name(), values, result);
    Op on = new Op.On(Value.Literal.INIT_PEER, List.of(Builtins.RELAY), false, call);
    f.emit(new Op.Xor(List.of(on, new Op.Fail(Builtins.LAST_ERROR))));
    return result.<List<Bound>>map(r -> List.of(new Bound.Data(r))).orElse(List.of());
  }

  private List<Bound> inlineFunction(
      Symbol.FuncDef def, List<Bound> abilities, List<Bound> args, Frame f) {
    Env env = new Env(null);
    for (int i = 0; i < abilities.size(); i++) {
      env.bind(def.decl().abilities().get(i).name(), abilities.get(i));
    }
    bindParams(env, def.paramNames(), def.type().params(), args, f);
    Frame body = new Frame(f.out, env, f.restrictions, def.owner());
    return lowering.stmts.functionBody(def.decl().body(), def.type().results(), body);
  }

  private List<Bound> inlineClosure(Bound.Closure closure, List<Bound> args, Frame f) {
    Env env = closure.captured().child();
    List<String> names =
        closure.closure().signature().params().stream().map(p -> p.name().name()).toList();
    bindParams(env, names, closure.type().params(), args, f);
    if (closure.detached()) {
      return lowering.stmts.functionBody(
          closure.closure().body(), closure.type().results(), f.withEnv(env, f.module));
    }
    Frame body = new Frame(new ArrayList<>(), env, f.restrictions, f.module);
    List<Bound> results =
        lowering.stmts.functionBody(closure.closure().body(), closure.type().results(), body);
    f.emit(new Op.ApplyTopology(closure.topology(), Op.seq(body.out)));
    return results;
  }

  private void bindParams(
      Env env, List<String> names, List<Type> types, List<Bound> args, Frame f) {
    for (int i = 0; i < names.size(); i++) {
      Bound arg = args.get(i);
      if (arg instanceof Bound.Data d && !(types.get(i) instanceof Type.Stream)) {
        arg = new Bound.Data(lowering.streams.canonIfStream(d.value(), f));
      }
      env.bind(names.get(i), arg);
    }
  }

  /**
   * Binds a closure defined here; a closure that runs where it was defined captures the topology.
   */
  void defineClosure(Stmt.Closure c, Type.Arrow type, Frame f) {
    String topology = lowering.names.fresh(c.name().name());
    Bound.Closure closure = new Bound.Closure(c, f.env, c.detached(), topology, type);
    f.env.bind(c.name().name(), closure);
    if (!c.detached()) {
      f.emit(new Op.CaptureTopology(topology));
    }
  }
}
