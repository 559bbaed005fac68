package io.gyre.aqua.lower;

import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.List;

/**
 * The AIR patterns around streams: canonicalising, waiting until a stream has enough elements (a
 * fold with a {@code never} gate), taking lengths.
 */
final class StreamOps {
  private final Lowering lowering;

  StreamOps(Lowering lowering) {
    this.lowering = lowering;
  }

  static boolean isStream(Value v) {
    return v instanceof Value.Var var
        && var.path().isEmpty()
        && var.baseType() instanceof Type.Stream;
  }

  static Type element(Type t) {
    return t instanceof Type.CollectionType c ? c.element() : Types.TOP;
  }

  /**
   * The type of a scalar variable that copies a value of type {@code t} with {@code ap}: a stream
   * or canonicalised stream becomes an array (the sigils $ and # are for streams and canon
   * targets).
   */
  static Type scalarType(Type t) {
    if (t instanceof Type.Stream || t instanceof Type.CanonStream) {
      return new Type.Array(element(t));
    }
    return t;
  }

  /** Base name of a variable for derived names ({@code $-s-arg-} gives {@code -s-arg-}). */
  static String base(Value.Var var) {
    return var.name();
  }

  /** {@code (canon peer $s #name)}: a snapshot of the stream. */
  Value.Var canon(Value.Var stream, String name, Frame f) {
    Value.Var target =
        new Value.Var(lowering.names.fresh(name), new Type.CanonStream(element(stream.type())));
    f.emit(new Op.Canon(stream, target));
    return target;
  }

  private Value.Var canonSuffixed(Value.Var stream, String name, Frame f) {
    Value.Var target =
        new Value.Var(lowering.names.suffixed(name), new Type.CanonStream(element(stream.type())));
    f.emit(new Op.Canon(stream, target));
    return target;
  }

  /** A stream argument handed to something that takes a collection: its canonical snapshot. */
  Value canonIfStream(Value v, Frame f) {
    if (isStream(v)) {
      Value.Var stream = (Value.Var) v;
      return canon(stream, base(stream) + "_canon", f);
    }
    return v;
  }

  /** A stream returned to the client: canonicalised and flattened to a plain array. */
  Value fixStream(Value.Var stream, Frame f) {
    Value.Var canon = canonSuffixed(stream, "-" + base(stream) + "-fix", f);
    Value.Var flat =
        new Value.Var(
            lowering.names.suffixed("-" + base(stream) + "-flat"),
            new Type.Array(element(stream.type())));
    f.emit(new Op.Ap(canon, flat));
    return flat;
  }

  /**
   * Waits until {@code stream} holds {@code size} elements and returns a scalar with a snapshot of
   * them (the {@code _gate}): a fold over the stream that copies elements into a test stream and
   * stops once the canonicalised test stream is long enough, else waits ({@code never}).
   */
  Value.Var gate(Value.Var stream, Value size, Frame f) {
    String b = base(stream);
    Value.Var test = new Value.Var(lowering.names.fresh(b + "_test"), stream.baseType());
    String foldVar = lowering.names.fresh(b + "_fold_var");
    Type element = element(stream.type());
    Value.Var iterCanon =
        new Value.Var(lowering.names.fresh(b + "_iter_canon"), new Type.CanonStream(element));
    Value.Var resultCanon =
        new Value.Var(lowering.names.fresh(b + "_result_canon"), new Type.CanonStream(element));
    Value.Var gate = new Value.Var(lowering.names.fresh(b + "_gate"), new Type.Array(element));
    Value.Var item = new Value.Var(foldVar, element);
    Op body =
        Op.seq(
            Op.seq(new Op.Ap(item, test), new Op.Canon(test, iterCanon)),
            new Op.Xor(
                List.of(
                    new Op.Match(iterCanon.with(new Value.Length(Types.U32)), size, true, Op.NULL),
                    new Op.Next(foldVar))));
    Op fold = new Op.Fold(stream, foldVar, body, true);
    f.emit(
        new Op.Restrict(
            test, Op.seq(fold, new Op.Canon(test, resultCanon), new Op.Ap(resultCanon, gate))));
    return gate;
  }

  /** {@code x.length}: streams are canonicalised first; arrays go through a functor copy. */
  Value length(Value v, Frame f) {
    if (v instanceof Value.Literal l) {
      return Value.Literal.number(l.air().equals("[]") ? 0 : 1);
    }
    Value.Var var = (Value.Var) v;
    Value.Var functor;
    if (isStream(var)) {
      functor = canon(var, base(var) + "_to_functor", f);
    } else {
      String b = var.path().isEmpty() ? base(var) : base(var) + "_flat";
      functor = new Value.Var(lowering.names.fresh(b + "_to_functor"), scalarType(v.type()));
      f.emit(new Op.Ap(v, functor));
    }
    Value.Var length = new Value.Var(lowering.names.fresh(base(var) + "_length"), Types.U32);
    f.emit(new Op.Ap(functor.with(new Value.Length(Types.U32)), length));
    return length;
  }
}
