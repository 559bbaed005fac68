package io.gyre.aqua.lower;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Expr.BinaryOp;
import io.gyre.aqua.check.Ref;
import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.Constants;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lowers values: the operations that compute a value go to the frame, the value (a literal or a
 * variable with a lambda path) is returned. Collections and structs are built through streams and
 * stream maps, indexing a stream waits for the element; operators are {@link OperatorLowerer}'s.
 */
final class ValueLowerer {
  private final Lowering lowering;

  private final OperatorLowerer operators;

  ValueLowerer(Lowering lowering) {
    this.lowering = lowering;
    this.operators = new OperatorLowerer(lowering, this);
  }

  Value lower(Expr expr, Frame f) {
    Bound b = bound(expr, f);
    if (b instanceof Bound.Data d) {
      return d.value();
    }
    throw new IllegalStateException("not a data value: " + expr);
  }

  /** What an expression stands for: data, an ability, a service or an arrow. */
  Bound bound(Expr expr, Frame f) {
    if (expr instanceof Expr.Literal l) {
      return new Bound.Data(Constants.literal(l));
    }
    if (expr instanceof Expr.InitPeer) {
      return new Bound.Data(Value.Literal.INIT_PEER);
    }
    if (expr instanceof Expr.Name n) {
      return name(n, f);
    }
    if (expr instanceof Expr.Collection c) {
      return new Bound.Data(collection(c, f));
    }
    if (expr instanceof Expr.Call || expr instanceof Expr.MethodCall) {
      List<Bound> results = lowering.calls.call(expr, f);
      if (results.size() != 1) {
        throw new IllegalStateException("a call used as a value must return one value: " + expr);
      }
      return results.get(0);
    }
    if (expr instanceof Expr.Construct c) {
      return construct(c, f);
    }
    if (expr instanceof Expr.Field fe) {
      return field(fe, f);
    }
    if (expr instanceof Expr.Index i) {
      Value base = lower(i.base(), f);
      return new Bound.Data(index(base, i.index(), f));
    }
    if (expr instanceof Expr.Bang b) {
      Value base = lower(b.base(), f);
      long idx = b.index().orElse(0);
      return new Bound.Data(elementAt(base, Value.Literal.number(idx), f));
    }
    if (expr instanceof Expr.Copy c) {
      return new Bound.Data(copy(c, f));
    }
    if (expr instanceof Expr.Not n) {
      return new Bound.Data(operators.not(lower(n.operand(), f), f));
    }
    return new Bound.Data(operators.binary((Expr.Binary) expr, f));
  }

  // ---------------------------------------------------------------- names and fields

  private Bound name(Expr.Name n, Frame f) {
    Ref ref = lowering.typing.ref(n);
    if (ref instanceof Ref.Local) {
      return f.env
          .find(n.name())
          .orElseThrow(() -> new IllegalStateException("unbound " + n.name()));
    }
    if (ref instanceof Ref.Constant c) {
      return new Bound.Data(c.value());
    }
    if (ref instanceof Ref.Service s) {
      return lowering.calls.service(s.service(), f);
    }
    if (ref instanceof Ref.Function fn) {
      return new Bound.Function(fn.function());
    }
    throw new IllegalStateException("a module is not a value: " + n.name());
  }

  private Bound field(Expr.Field fe, Frame f) {
    if (lowering.typing.hasRef(fe)) {
      // Module.name: resolved by the checker to the symbol itself.
      Ref ref = lowering.typing.ref(fe);
      if (ref instanceof Ref.Constant c) {
        return new Bound.Data(c.value());
      }
      if (ref instanceof Ref.Service s) {
        return lowering.calls.service(s.service(), f);
      }
      if (ref instanceof Ref.Function fn) {
        return new Bound.Function(fn.function());
      }
    }
    Bound base = bound(fe.base(), f);
    String name = fe.field().name();
    if (base instanceof Bound.Service s) {
      return new Bound.ServiceFunction(s, name, s.type().functions().get(name));
    }
    if (base instanceof Bound.Ability a) {
      Bound field = a.fields().get(name);
      if (field == null) {
        throw new IllegalStateException("ability field missing: " + name);
      }
      return field;
    }
    Value value = ((Bound.Data) base).value();
    Type type = value.type();
    if (type instanceof Type.CollectionType && name.equals("length")) {
      return new Bound.Data(lowering.streams.length(value, f));
    }
    Type fieldType = lowering.typing.type(fe);
    return new Bound.Data(path(value, f).with(new Value.Field(name, fieldType)));
  }

  /** A value that can take a lambda step: variables as they are, anything else copied to one. */
  Value.Var path(Value value, Frame f) {
    if (value instanceof Value.Var v && !(v.baseType() instanceof Type.Stream)) {
      return v;
    }
    if (value instanceof Value.Var stream) {
      return lowering.streams.canon(stream, stream.name() + "_canon", f);
    }
    Value.Var copy =
        new Value.Var(lowering.names.fresh("literal_ap"), StreamOps.scalarType(value.type()));
    f.emit(new Op.Ap(value, copy));
    return copy;
  }

  private Value index(Value base, Expr indexExpr, Frame f) {
    if (StreamOps.isStream(base)) {
      return streamIndex((Value.Var) base, indexExpr, f);
    }
    Value idx = scalar(lower(indexExpr, f), f);
    return elementAt(base, idx, f);
  }

  /** {@code base[idx]}; on a stream, waits for the element first. */
  Value elementAt(Value base, Value idx, Frame f) {
    Type element = StreamOps.element(base.type());
    if (StreamOps.isStream(base)) {
      Value.Var stream = (Value.Var) base;
      Value size =
          idx instanceof Value.Literal l
              ? Value.Literal.number(Long.parseLong(l.air()) + 1)
              : operators.arithmetic("add", idx, Value.Literal.number(1), f);
      Value.Var gate = lowering.streams.gate(stream, size, f);
      return gate.with(new Value.Index(idx, element));
    }
    return path(base, f).with(new Value.Index(idx, element));
  }

  /**
   * {@code stream[i]}: the gate waits for {@code i + 1} elements. Like Fluence's compiler, an index
   * written {@code n - 1} waits for {@code n} and the index is recomputed from the size.
   */
  private Value streamIndex(Value.Var stream, Expr indexExpr, Frame f) {
    Type element = StreamOps.element(stream.type());
    Value size;
    if (indexExpr instanceof Expr.Binary b
        && b.op() == BinaryOp.SUB
        && b.right() instanceof Expr.Literal l
        && l.kind() == Expr.LiteralKind.UNSIGNED
        && !(b.left() instanceof Expr.Literal)) {
      long minus = Long.parseLong(Constants.literal(l).air());
      Value left = scalar(lower(b.left(), f), f);
      size =
          minus == 1 ? left : operators.arithmetic("sub", left, Value.Literal.number(minus - 1), f);
    } else {
      Value idx = scalar(lower(indexExpr, f), f);
      if (idx instanceof Value.Literal lit) {
        Value.Var gate =
            lowering.streams.gate(stream, Value.Literal.number(Long.parseLong(lit.air()) + 1), f);
        return gate.with(new Value.Index(idx, element));
      }
      size = operators.arithmetic("add", idx, Value.Literal.number(1), f);
    }
    Value.Var gate = lowering.streams.gate(stream, size, f);
    Value.Var idx = new Value.Var(lowering.names.fresh(stream.name() + "_idx"), Types.U32);
    f.emit(
        new Op.Call(
            Value.Literal.string("math"),
            "sub",
            List.of(size, Value.Literal.number(1)),
            java.util.Optional.of(idx)));
    return gate.with(new Value.Index(idx, element));
  }

  /** A value usable where AIR wants a plain scalar (an index, a size): lambdas are copied out. */
  Value scalar(Value v, Frame f) {
    if (v instanceof Value.Var var && !var.path().isEmpty()) {
      Value.Var flat =
          new Value.Var(lowering.names.fresh(var.name() + "_flat"), StreamOps.scalarType(v.type()));
      f.emit(new Op.Ap(v, flat));
      return flat;
    }
    return v;
  }

  // ---------------------------------------------------------------- collections and structs

  /**
   * {@code [a, b]} and {@code *[a, b]} push every element (an error in one fails the value); {@code
   * ?[a, b]} keeps the first element that can be computed, as Fluence's compiler does. {@code *[]}
   * is a fresh empty stream, {@code []} and {@code ?[]} the empty literal.
   */
  private Value collection(Expr.Collection c, Frame f) {
    Type type = lowering.typing.type(c);
    Type element = StreamOps.element(type);
    if (c.kind() == Expr.CollectionKind.STREAM) {
      Value.Var stream =
          new Value.Var(lowering.names.fresh("stream-anon"), new Type.Stream(element));
      f.restrictions.add(stream);
      for (Expr e : c.elements()) {
        pushInto(lower(e, f), stream, f);
      }
      return stream;
    }
    if (c.elements().isEmpty()) {
      return Value.Literal.NIL;
    }
    String base = c.kind() == Expr.CollectionKind.OPTION ? "option-inline" : "array-inline";
    Value.Var stream = new Value.Var(lowering.names.fresh(base), new Type.Stream(element));
    Frame inner = f.sub();
    Op firstSuccess = null;
    for (Expr e : c.elements()) {
      Frame push = inner.sub();
      pushInto(lower(e, push), stream, push);
      if (c.kind() == Expr.CollectionKind.OPTION) {
        Op op = Op.seq(push.out);
        firstSuccess = firstSuccess == null ? op : new Op.Xor(List.of(firstSuccess, op));
      } else {
        inner.out.addAll(push.out);
      }
    }
    if (firstSuccess != null) {
      inner.emit(new Op.Xor(List.of(firstSuccess, Op.NULL)));
    }
    Value.Var canon = new Value.Var(lowering.names.suffixed(base), new Type.CanonStream(element));
    inner.emit(new Op.Canon(stream, canon));
    f.emit(new Op.Restrict(stream, Op.seq(inner.out)));
    return canon;
  }

  /** {@code (ap v $stream)}; a stream value is canonicalised first. */
  void pushInto(Value v, Value.Var stream, Frame f) {
    f.emit(new Op.Ap(lowering.streams.canonIfStream(v, f), stream));
  }

  private Bound construct(Expr.Construct c, Frame f) {
    Type type = lowering.typing.type(c);
    if (type instanceof Type.Ability ability) {
      Map<String, Bound> fields = new LinkedHashMap<>();
      for (Expr.NamedArg arg : lowering.typing.fields(c)) {
        fields.put(arg.name().name(), bound(arg.value(), f));
      }
      return new Bound.Ability(ability, fields);
    }
    Type.Struct struct = (Type.Struct) type;
    List<Map.Entry<String, Value>> fields = new ArrayList<>();
    for (Expr.NamedArg arg : c.fields()) {
      fields.add(Map.entry(arg.name().name(), lower(arg.value(), f)));
    }
    return new Bound.Data(makeStruct(struct.name() + "_obj", struct, fields, f));
  }

  private Value copy(Expr.Copy c, Frame f) {
    Value base = lower(c.base(), f);
    Type.Struct struct = (Type.Struct) base.type();
    Value.Var var = path(base, f);
    List<Map.Entry<String, Value>> fields = new ArrayList<>();
    List<String> changed = c.fields().stream().map(a -> a.name().name()).toList();
    for (Map.Entry<String, Type> field : struct.fields().entrySet()) {
      if (!changed.contains(field.getKey())) {
        fields.add(
            Map.entry(field.getKey(), var.with(new Value.Field(field.getKey(), field.getValue()))));
      }
    }
    for (Expr.NamedArg arg : c.fields()) {
      fields.add(Map.entry(arg.name().name(), lower(arg.value(), f)));
    }
    return makeStruct(struct.name() + "_obj_copy", struct, fields, f);
  }

  private Value makeStruct(
      String baseName, Type.Struct type, List<Map.Entry<String, Value>> fields, Frame f) {
    String name = lowering.names.fresh(baseName);
    Value.Var map = new Value.Var("%" + name + "_map", new Type.Stream(type));
    Value.Var result = new Value.Var(name, type);
    Frame inner = f.sub();
    for (Map.Entry<String, Value> field : fields) {
      Value v = lowering.streams.canonIfStream(field.getValue(), inner);
      inner.emit(new Op.ApKey(Value.Literal.string(field.getKey()), v, map));
    }
    inner.emit(new Op.Canon(map, result));
    f.emit(new Op.Restrict(map, Op.seq(inner.out)));
    return result;
  }
}
