package io.gyre.aqua.lower;

import io.gyre.aqua.check.Builtins;
import io.gyre.aqua.check.Typing;
import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers an exported function to one operation tree with Fluence's calling convention around it:
 * the relay and every argument come from {@code getDataSrv}, the results go to {@code
 * callbackSrv.response}, and any error that escapes goes to {@code errorHandlingSrv.error}. The
 * whole function runs on the init peer, reached through its relay.
 */
public final class FunctionLowerer {
  private FunctionLowerer() {}

  public static Op lower(Symbol.FuncDef def, Typing typing) throws CompileException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Lowering lowering = new Lowering(typing, diagnostics);
    Op root;
    try {
      root = lower(def, lowering);
    } catch (Lowering.Abort e) {
      root = Op.NULL;
    } catch (Lowering.Internal e) {
      diagnostics.add(e.diagnostic);
      root = Op.NULL;
    }
    if (!diagnostics.isEmpty()) {
      throw new CompileException(diagnostics);
    }
    return root;
  }

  private static Op lower(Symbol.FuncDef def, Lowering lowering) {
    Frame f = new Frame(new ArrayList<>(), new Env(null), new Frame.Restrictions(), def.owner());
    lowering.names.reserve(Builtins.RELAY.name());
    f.emit(getData("-relay-", Builtins.RELAY));
    List<Type> params = def.type().params();
    for (int i = 0; i < params.size(); i++) {
      String name = def.paramNames().get(i);
      Type type = params.get(i);
      if (type instanceof Type.Arrow arrow) {
        f.env.bind(name, new Bound.Callback(name, arrow));
      } else if (type instanceof Type.Stream stream) {
        f.env.bind(name, new Bound.Data(streamArgument(name, stream, f, lowering)));
      } else {
        Value.Var arg = new Value.Var(lowering.names.fresh("-" + name + "-arg-"), type);
        f.emit(getData(name, arg));
        f.env.bind(name, new Bound.Data(arg));
      }
    }
    // The exported function's streams are snapshotted when the response is sent.
    List<Value> results = new ArrayList<>();
    for (Bound b : lowering.stmts.functionBody(def.decl().body(), streamsKept(def), f)) {
      if (b instanceof Bound.Data d) {
        results.add(d.value());
      } else {
        lowering.error(
            def.owner().module().source(),
            def.pos(),
            "an exported function can only return values, not arrows or abilities");
      }
    }
    Op body = Op.seq(f.out);
    List<Op> main = new ArrayList<>(List.of(body));
    if (!results.isEmpty()) {
      Frame response = new Frame(new ArrayList<>(), f.env, f.restrictions, f.module);
      List<Value> args = new ArrayList<>();
      for (Value v : results) {
        args.add(StreamOps.isStream(v) ? lowering.streams.fixStream((Value.Var) v, response) : v);
      }
      response.emit(
          new Op.Call(Value.Literal.string("callbackSrv"), "response", args, Optional.empty()));
      main.add(Op.seq(response.out));
    }
    Op wrapped = f.restrictions.wrap(new Op.Seq(main.size() == 1 ? List.of(main.get(0)) : main));
    Op errorHandler =
        new Op.Call(
            Value.Literal.string("errorHandlingSrv"),
            "error",
            List.of(Builtins.LAST_ERROR, Value.Literal.number(0)),
            Optional.empty());
    Op xor = new Op.Xor(List.of(wrapped, errorHandler));
    return new Op.On(Value.Literal.INIT_PEER, List.of(Builtins.RELAY), false, xor);
  }

  /** Result types that keep streams as they are (all of them: the response snapshots them). */
  private static List<Type> streamsKept(Symbol.FuncDef def) {
    return def.type().results().stream()
        .map(t -> (Type) new Type.Stream(io.gyre.aqua.types.Types.TOP))
        .toList();
  }

  private static Op getData(String name, Value.Var into) {
    return new Op.Call(Value.Literal.string("getDataSrv"), name, List.of(), Optional.of(into));
  }

  /** A stream argument arrives as an array and is pushed element by element into a stream. */
  private static Value.Var streamArgument(
      String name, Type.Stream type, Frame f, Lowering lowering) {
    Value.Var iter =
        new Value.Var(lowering.names.fresh(name + "-iter"), new Type.Array(type.element()));
    f.emit(getData(name, iter));
    String item = lowering.names.suffixed(name + "-item");
    Value.Var stream = new Value.Var(lowering.names.fresh("-" + name + "-arg-"), type);
    f.emit(
        new Op.Fold(
            iter,
            item,
            Op.seq(new Op.Ap(new Value.Var(item, type.element()), stream), new Op.Next(item)),
            false));
    return stream;
  }
}
