package io.gyre.aqua.lower;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Expr.BinaryOp;
import io.gyre.aqua.ast.Ident;
import io.gyre.aqua.ast.Stmt;
import io.gyre.aqua.check.Builtins;
import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.QualifiedNames;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lowers statements to operations, block by block. */
final class StmtLowerer {
  private static final Value.Var IF_ERROR = new Value.Var("-if-error-", Builtins.ERROR);
  private static final Value.Var ELSE_ERROR = new Value.Var("-else-error-", Builtins.ERROR);
  private static final Value.Var IF_ELSE_ERROR = new Value.Var("-if-else-error-", Builtins.ERROR);
  private static final Value MATCH_FAILED = Value.Literal.number(10001);

  private final Lowering lowering;

  StmtLowerer(Lowering lowering) {
    this.lowering = lowering;
  }

  /**
   * A function or closure body; returns what its {@code <-} returns. A stream returned where the
   * declared result is not a stream is snapshotted here, where the function returns.
   */
  List<Bound> functionBody(List<Stmt> body, List<Type> resultTypes, Frame f) {
    List<Bound> results = new ArrayList<>();
    for (Stmt s : body) {
      if (s instanceof Stmt.Return r) {
        guarded(r, f, () -> returnValues(r, resultTypes, results, f));
      } else {
        statement(s, f);
      }
    }
    return results;
  }

  private void returnValues(Stmt.Return r, List<Type> resultTypes, List<Bound> results, Frame f) {
    for (int i = 0; i < r.values().size(); i++) {
      Bound b = lowering.values.bound(r.values().get(i), f);
      if (!(b instanceof Bound.Data d)) {
        results.add(b); // an arrow or an ability leaves as it is
        continue;
      }
      Value v = d.value();
      boolean keepStream = i < resultTypes.size() && resultTypes.get(i) instanceof Type.Stream;
      if (StreamOps.isStream(v) && !keepStream) {
        results.add(new Bound.Data(lowering.streams.fixStream((Value.Var) v, f)));
      } else {
        results.add(new Bound.Data(returned(v, f)));
      }
    }
  }

  /** A value leaving a function: lambda paths are applied here, where the function ran. */
  private Value returned(Value v, Frame f) {
    if (v instanceof Value.Var var && !var.path().isEmpty()) {
      Value.Var flat =
          new Value.Var(lowering.names.fresh(var.name() + "_flat"), StreamOps.scalarType(v.type()));
      f.emit(new Op.Ap(v, flat));
      return flat;
    }
    return v;
  }

  void block(List<Stmt> stmts, Frame f) {
    for (Stmt s : stmts) {
      statement(s, f);
    }
  }

  /** A block that owns its streams and names: its operations wrapped in their {@code new}s. */
  private Op ownBlock(List<Stmt> stmts, Frame f) {
    Frame inner = f.restricting();
    block(stmts, inner);
    return inner.build();
  }

  /** One statement; a compiler bug inside it becomes an error at this statement. */
  void statement(Stmt stmt, Frame f) {
    guarded(stmt, f, () -> lowerStatement(stmt, f));
  }

  private static void guarded(Stmt stmt, Frame f, Runnable lower) {
    try {
      lower.run();
    } catch (Lowering.Abort | Lowering.Internal | StackOverflowError e) {
      throw e;
    } catch (RuntimeException
        | AssertionError
        | LinkageError e) { // a compiler bug: see Diagnostic.internal
      throw new Lowering.Internal(
          io.gyre.aqua.source.Diagnostic.internal(f.module.module().source(), stmt.pos(), e), e);
    }
  }

  private void lowerStatement(Stmt stmt, Frame f) {
    if (stmt instanceof Stmt.DeclareStream d) {
      Type type = lowering.typing.declaredType(d);
      Value.Var stream = new Value.Var(lowering.names.fresh(d.name().name()), type);
      f.restrictions.add(stream);
      f.env.bind(d.name().name(), new Bound.Data(stream));
    } else if (stmt instanceof Stmt.Assign a) {
      f.env.bind(a.name().name(), lowering.values.bound(a.value(), f));
    } else if (stmt instanceof Stmt.Push p) {
      Value.Var stream =
          (Value.Var) ((Bound.Data) f.env.find(p.stream().name()).orElseThrow()).value();
      lowering.values.pushInto(lowering.values.lower(p.value(), f), stream, f);
    } else if (stmt instanceof Stmt.Call c) {
      call(c, f);
    } else if (stmt instanceof Stmt.Join j) {
      for (Expr e : j.values()) {
        lowering.values.lower(e, f);
      }
    } else if (stmt instanceof Stmt.ServiceId s) {
      serviceId(s, f);
    } else if (stmt instanceof Stmt.On on) {
      f.emit(on(on.peer(), on.via(), on.body(), false, f));
    } else if (stmt instanceof Stmt.For fs) {
      forLoop(fs, f);
    } else if (stmt instanceof Stmt.ParSeq ps) {
      parSeq(ps, f);
    } else if (stmt instanceof Stmt.If i) {
      ifElse(i, f);
    } else if (stmt instanceof Stmt.Try t) {
      f.emit(new Op.Xor(List.of(ownBlock(t.body(), f), Op.NULL)));
    } else if (stmt instanceof Stmt.Catch c) {
      f.emit(new Op.Xor(List.of(tried(c.tried(), f), handler(c, f))));
    } else if (stmt instanceof Stmt.Otherwise o) {
      f.emit(new Op.Xor(List.of(tried(o.tried(), f), ownBlock(o.fallback(), f))));
    } else if (stmt instanceof Stmt.Par p) {
      Frame left = f.sub();
      statement(p.left(), left);
      Frame right = f.sub();
      statement(p.right(), right);
      f.emit(new Op.Par(List.of(Op.seq(left.out), Op.seq(right.out))));
    } else if (stmt instanceof Stmt.Co c) {
      Frame body = f.sub();
      statement(c.body(), body);
      f.emit(new Op.Par(List.of(Op.seq(body.out), Op.NULL)));
    } else if (stmt instanceof Stmt.Closure c) {
      lowering.calls.defineClosure(c, closureType(c, f), f);
    }
  }

  private Type.Arrow closureType(Stmt.Closure c, Frame f) {
    return (Type.Arrow) lowering.typing.declaredType(c);
  }

  private void call(Stmt.Call c, Frame f) {
    List<Bound> results = lowering.calls.call(c.call(), f);
    for (int i = 0; i < c.targets().size() && i < results.size(); i++) {
      Ident target = c.targets().get(i);
      Bound result = results.get(i);
      Optional<Bound> existing = f.env.find(target.name());
      if (existing.isPresent()
          && existing.get() instanceof Bound.Data d
          && StreamOps.isStream(d.value())
          && lowering.typing.isPushTarget(c, i)
          && result instanceof Bound.Data r) {
        lowering.values.pushInto(r.value(), (Value.Var) d.value(), f);
      } else {
        f.env.bind(target.name(), result);
      }
    }
  }

  private void serviceId(Stmt.ServiceId s, Frame f) {
    Symbol symbol =
        QualifiedNames.lookup(f.module, s.service().name(), Integer.MAX_VALUE).orElseThrow();
    Symbol.ServiceDef def = (Symbol.ServiceDef) symbol;
    Value id = lowering.values.lower(s.id(), f);
    f.env.bind(CallLowerer.serviceKey(def), new Bound.Service(def.type(), id));
  }

  /**
   * {@code on peer via ...:} with its error branch: a failure hops back and fails again outside.
   */
  private Op on(Expr peerExpr, List<Expr> viaExprs, List<Stmt> body, boolean relayReturn, Frame f) {
    Value peer = lowering.values.lower(peerExpr, f);
    List<Value> via = new ArrayList<>();
    for (Expr v : viaExprs) {
      via.add(lowering.streams.canonIfStream(lowering.values.lower(v, f), f));
    }
    Frame inner = f.block();
    block(body, inner);
    inner.env.exportToParent();
    Op on = new Op.On(peer, via, relayReturn, Op.seq(inner.out));
    return new Op.Xor(List.of(on, new Op.Fail(Builtins.LAST_ERROR)));
  }

  private void forLoop(Stmt.For fs, Frame f) {
    Value iterable = lowering.values.lower(fs.iterable(), f);
    if (iterable instanceof Value.Literal) {
      return; // nothing to iterate over
    }
    if (fs.mode() != Stmt.ForMode.REC) {
      iterable = lowering.streams.canonIfStream(iterable, f);
    }
    String item = lowering.names.suffixed(fs.item().name());
    Frame inner = f.restricting();
    inner.env.bind(
        fs.item().name(), new Bound.Data(new Value.Var(item, StreamOps.element(iterable.type()))));
    block(fs.body(), inner);
    Op body = Op.seq(inner.out);
    Op.Next next = new Op.Next(item);
    switch (fs.mode()) {
      case SEQ ->
          f.emit(new Op.Fold(iterable, item, wrapRestrictions(inner, Op.seq(body, next)), false));
      case TRY ->
          f.emit(
              new Op.Fold(
                  iterable, item, wrapRestrictions(inner, new Op.Xor(List.of(body, next))), false));
      default ->
          f.emit(
              new Op.Par(
                  List.of(
                      new Op.Fold(
                          iterable,
                          item,
                          wrapRestrictions(inner, new Op.Par(List.of(body, next))),
                          true),
                      Op.NULL)));
    }
  }

  private static Op wrapRestrictions(Frame inner, Op op) {
    Frame wrapper =
        new Frame(new ArrayList<>(List.of(op)), inner.env, inner.restrictions, inner.module);
    return inner.restrictions.wrap(Op.seq(wrapper.out));
  }

  private void parSeq(Stmt.ParSeq ps, Frame f) {
    Value iterable = lowering.values.lower(ps.iterable(), f);
    if (iterable instanceof Value.Literal) {
      return;
    }
    iterable = lowering.streams.canonIfStream(iterable, f);
    String item = lowering.names.suffixed(ps.item().name());
    Frame inner = f.restricting();
    inner.env.bind(
        ps.item().name(), new Bound.Data(new Value.Var(item, StreamOps.element(iterable.type()))));
    Op on = on(ps.peer(), ps.via(), ps.body(), true, inner);
    Op body = Op.seq(Op.seq(inner.out), on);
    f.emit(
        new Op.Fold(
            iterable,
            item,
            wrapRestrictions(inner, new Op.Par(List.of(body, new Op.Next(item)))),
            true));
  }

  // ---------------------------------------------------------------- if / try

  /**
   * {@code if} keeps errors apart from "the condition did not match" (error code 10001): the else
   * branch runs only for a mismatch, and a real error in either branch is raised again.
   */
  private void ifElse(Stmt.If i, Frame f) {
    Op then = ownBlock(i.then(), f);
    Op match = condition(i.condition(), then, f);
    Op mismatch =
        new Op.Match(
            new Value.Var(":error:", Builtins.ERROR)
                .with(new Value.Field("error_code", io.gyre.aqua.types.Types.I64)),
            MATCH_FAILED,
            true,
            Op.NULL);
    if (i.otherwise().isEmpty()) {
      Op onError =
          Op.seq(
              new Op.Ap(Builtins.LAST_ERROR, IF_ERROR),
              new Op.Xor(List.of(mismatch, new Op.Fail(IF_ERROR))));
      f.emit(new Op.Restrict(IF_ERROR, new Op.Xor(List.of(match, onError))));
      return;
    }
    Op otherwise = ownBlock(i.otherwise().get(), f);
    Value errorCode =
        Builtins.LAST_ERROR.with(new Value.Field("error_code", io.gyre.aqua.types.Types.I64));
    Op elseFailed =
        Op.seq(
            Op.seq(
                new Op.Ap(Builtins.LAST_ERROR, ELSE_ERROR),
                new Op.Xor(
                    List.of(
                        new Op.Match(
                            errorCode, MATCH_FAILED, true, new Op.Ap(IF_ERROR, IF_ELSE_ERROR)),
                        new Op.Ap(ELSE_ERROR, IF_ELSE_ERROR)))),
            new Op.Fail(IF_ELSE_ERROR));
    Op onError =
        Op.seq(
            new Op.Ap(Builtins.LAST_ERROR, IF_ERROR),
            new Op.Xor(
                List.of(new Op.Match(errorCode, MATCH_FAILED, true, otherwise), elseFailed)));
    Op xor = new Op.Xor(List.of(match, onError));
    f.emit(
        new Op.Restrict(
            IF_ELSE_ERROR, new Op.Restrict(ELSE_ERROR, new Op.Restrict(IF_ERROR, xor))));
  }

  /** {@code a == b} and {@code a != b} match directly; any other condition is matched with true. */
  private Op condition(Expr cond, Op then, Frame f) {
    if (cond instanceof Expr.Binary b && (b.op() == BinaryOp.EQ || b.op() == BinaryOp.NEQ)) {
      // A stream is compared by its snapshot.
      Value left = lowering.streams.canonIfStream(lowering.values.lower(b.left(), f), f);
      Value right = lowering.streams.canonIfStream(lowering.values.lower(b.right(), f), f);
      return new Op.Match(left, right, b.op() == BinaryOp.EQ, then);
    }
    Value v = lowering.values.lower(cond, f);
    return new Op.Match(v, Value.Literal.bool(true), true, then);
  }

  /** The tried part of a catch/otherwise: a bare try contributes just its body. */
  private Op tried(Stmt stmt, Frame f) {
    if (stmt instanceof Stmt.Try t) {
      return ownBlock(t.body(), f);
    }
    Frame sub = f.sub();
    statement(stmt, sub);
    return Op.seq(sub.out);
  }

  private Op handler(Stmt.Catch c, Frame f) {
    Frame inner = f.restricting();
    inner.env.bind(c.error().name(), new Bound.Data(Builtins.LAST_ERROR));
    block(c.handler(), inner);
    return inner.build();
  }
}
