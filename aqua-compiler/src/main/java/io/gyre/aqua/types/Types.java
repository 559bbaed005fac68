package io.gyre.aqua.types;

import io.gyre.aqua.types.Type.Ability;
import io.gyre.aqua.types.Type.Arrow;
import io.gyre.aqua.types.Type.CollectionType;
import io.gyre.aqua.types.Type.Literal;
import io.gyre.aqua.types.Type.Scalar;
import io.gyre.aqua.types.Type.Struct;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aqua's subtyping: a partial order where a type is greater when it has room for more data ({@code
 * u8 < u16}, {@code []T} takes {@code ?T} and {@code *T}, a struct with more fields fits where
 * fewer are expected, arrows are contravariant in parameters).
 */
public final class Types {
  public static final Scalar U8 = new Scalar(ScalarKind.U8);
  public static final Scalar U16 = new Scalar(ScalarKind.U16);
  public static final Scalar U32 = new Scalar(ScalarKind.U32);
  public static final Scalar U64 = new Scalar(ScalarKind.U64);
  public static final Scalar I8 = new Scalar(ScalarKind.I8);
  public static final Scalar I16 = new Scalar(ScalarKind.I16);
  public static final Scalar I32 = new Scalar(ScalarKind.I32);
  public static final Scalar I64 = new Scalar(ScalarKind.I64);
  public static final Scalar F32 = new Scalar(ScalarKind.F32);
  public static final Scalar F64 = new Scalar(ScalarKind.F64);
  public static final Scalar BOOL = new Scalar(ScalarKind.BOOL);
  public static final Scalar STRING = new Scalar(ScalarKind.STRING);
  public static final Type.Top TOP = new Type.Top();
  public static final Type.Bottom BOTTOM = new Type.Bottom();

  public static final Literal LITERAL_FLOAT = new Literal(ScalarKind.FLOAT, "float");
  public static final Literal LITERAL_SIGNED = new Literal(ScalarKind.SIGNED, "signed");

  /** Unsigned literals fit signed types too. */
  public static final Literal LITERAL_UNSIGNED = new Literal(ScalarKind.INTEGER, "unsigned");

  public static final Literal LITERAL_BOOL = new Literal(EnumSet.of(ScalarKind.BOOL), "bool");
  public static final Literal LITERAL_STRING = new Literal(EnumSet.of(ScalarKind.STRING), "string");

  /** {@code nil}: an empty stream of nothing, accepted by every collection. */
  public static final Type.Stream NIL = new Type.Stream(BOTTOM);

  private Types() {}

  enum Order {
    EQUAL,
    GREATER,
    LESS,
    NONE
  }

  /** Whether a value of type {@code given} may be used where {@code expected} is required. */
  public static boolean accepts(Type expected, Type given) {
    Order order = compare(expected, given);
    return order == Order.EQUAL || order == Order.GREATER;
  }

  static Order compare(Type l, Type r) {
    if (l.equals(r)) {
      return Order.EQUAL;
    }
    if (l instanceof Type.Top || r instanceof Type.Bottom) {
      return Order.GREATER;
    }
    if (l instanceof Type.Bottom || r instanceof Type.Top) {
      return Order.LESS;
    }
    if (l instanceof CollectionType lc && r instanceof CollectionType rc) {
      return collectionsComparable(lc, rc) ? compare(lc.element(), rc.element()) : Order.NONE;
    }
    if (l instanceof Struct ls && r instanceof Struct rs) {
      return compareFields(ls.fields(), rs.fields());
    }
    if (l instanceof Ability la && r instanceof Ability ra) {
      return compareFields(la.fields(), ra.fields());
    }
    // A service is an ability of its functions: either fits where the other is expected.
    if (l instanceof Ability la && r instanceof Type.Service rs) {
      return compareFields(la.fields(), new LinkedHashMap<>(rs.functions()));
    }
    if (l instanceof Type.Service ls && r instanceof Ability ra) {
      return compareFields(new LinkedHashMap<>(ls.functions()), ra.fields());
    }
    if (l instanceof Type.Service ls && r instanceof Type.Service rs) {
      return compareFields(
          new LinkedHashMap<>(ls.functions()), new LinkedHashMap<>(rs.functions()));
    }
    if (l instanceof Scalar ls && r instanceof Scalar rs) {
      if (rs.kind().fitsStrictlyIn(ls.kind())) {
        return Order.GREATER;
      }
      return ls.kind().fitsStrictlyIn(rs.kind()) ? Order.LESS : Order.NONE;
    }
    if (l instanceof Literal ll && r instanceof Scalar rs) {
      return literalVsScalar(ll, rs.kind()) == Order.GREATER
          ? Order.LESS
          : literalVsScalar(ll, rs.kind());
    }
    if (l instanceof Scalar ls && r instanceof Literal rl) {
      return literalVsScalar(rl, ls.kind());
    }
    if (l instanceof Literal ll && r instanceof Literal rl) {
      if (ll.oneOf().equals(rl.oneOf())) {
        return Order.EQUAL;
      }
      if (ll.oneOf().containsAll(rl.oneOf())) {
        return Order.GREATER;
      }
      return rl.oneOf().containsAll(ll.oneOf()) ? Order.LESS : Order.NONE;
    }
    if (l instanceof Arrow la && r instanceof Arrow ra) {
      Order params = compareProducts(la.params(), ra.params());
      Order results = compareProducts(la.results(), ra.results());
      if (params == Order.EQUAL && results == Order.EQUAL) {
        return Order.EQUAL;
      }
      if (lessOrEqual(params) && greaterOrEqual(results)) {
        return Order.GREATER;
      }
      if (greaterOrEqual(params) && lessOrEqual(results)) {
        return Order.LESS;
      }
      return Order.NONE;
    }
    return Order.NONE;
  }

  /** How a scalar relates to a literal: GREATER when the scalar accepts the literal. */
  private static Order literalVsScalar(Literal literal, ScalarKind scalar) {
    if (literal.oneOf().equals(Set.of(scalar))) {
      return Order.EQUAL;
    }
    for (ScalarKind k : literal.oneOf()) {
      if (k == scalar || k.fitsStrictlyIn(scalar)) {
        return Order.GREATER;
      }
    }
    return Order.NONE;
  }

  private static boolean collectionsComparable(CollectionType l, CollectionType r) {
    if (l instanceof Type.Stream) {
      return r instanceof Type.Stream;
    }
    // Arrays and options take any collection; a canonicalised stream is an array.
    return !(r instanceof Type.Stream && l instanceof Type.CanonStream);
  }

  private static Order compareFields(Map<String, Type> l, Map<String, Type> r) {
    if (l.equals(r)) {
      return Order.EQUAL;
    }
    if (r.keySet().containsAll(l.keySet())) {
      for (Map.Entry<String, Type> e : l.entrySet()) {
        if (!accepts(e.getValue(), r.get(e.getKey()))) {
          return Order.NONE;
        }
      }
      return Order.GREATER;
    }
    if (l.keySet().containsAll(r.keySet())) {
      for (Map.Entry<String, Type> e : r.entrySet()) {
        if (!accepts(e.getValue(), l.get(e.getKey()))) {
          return Order.NONE;
        }
      }
      return Order.LESS;
    }
    return Order.NONE;
  }

  /** Products: a longer product is smaller (it carries more); element-wise otherwise. */
  private static Order compareProducts(List<Type> l, List<Type> r) {
    Order result = Order.EQUAL;
    int common = Math.min(l.size(), r.size());
    for (int i = 0; i < common; i++) {
      result = combine(result, compare(l.get(i), r.get(i)));
      if (result == Order.NONE) {
        return result;
      }
    }
    if (l.size() > r.size()) {
      result = combine(result, Order.LESS);
    } else if (r.size() > l.size()) {
      result = combine(result, Order.GREATER);
    }
    return result;
  }

  private static Order combine(Order a, Order b) {
    if (a == Order.NONE || b == Order.NONE) {
      return Order.NONE;
    }
    if (a == Order.EQUAL) {
      return b;
    }
    if (b == Order.EQUAL || a == b) {
      return a;
    }
    return Order.NONE;
  }

  private static boolean lessOrEqual(Order o) {
    return o == Order.LESS || o == Order.EQUAL;
  }

  private static boolean greaterOrEqual(Order o) {
    return o == Order.GREATER || o == Order.EQUAL;
  }

  // ---------------------------------------------------------------- union and intersection

  /** The smallest type that takes values of both (the type of {@code a + b}). */
  public static Type unite(Type a, Type b) {
    if (a instanceof Scalar sa && b instanceof Scalar sb) {
      return scalarBound(sa.kind(), sb.kind(), true);
    }
    if (a instanceof Type.Array aa
        && b instanceof CollectionType bc
        && !(b instanceof Type.Stream)) {
      return new Type.Array(unite(aa.element(), bc.element()));
    }
    if (a instanceof Type.Option ao && b instanceof Type.Array ba) {
      return new Type.Array(unite(ao.element(), ba.element()));
    }
    if (a instanceof Type.Option ao && b instanceof Type.Option bo) {
      return new Type.Option(unite(ao.element(), bo.element()));
    }
    if (a instanceof Type.Stream as && b instanceof Type.Stream bs) {
      return new Type.Stream(unite(as.element(), bs.element()));
    }
    return switch (compare(a, b)) {
      case EQUAL, GREATER -> a;
      case LESS -> b;
      case NONE -> TOP;
    };
  }

  /** The largest type both accept (the element type of a collection literal). */
  public static Type intersect(Type a, Type b) {
    if (a instanceof Scalar sa && b instanceof Scalar sb) {
      return scalarBound(sa.kind(), sb.kind(), false);
    }
    if (a instanceof Struct sa && b instanceof Struct sb) {
      Map<String, Type> fields = new LinkedHashMap<>();
      for (Map.Entry<String, Type> e : sa.fields().entrySet()) {
        if (sb.fields().containsKey(e.getKey())) {
          fields.put(e.getKey(), intersect(e.getValue(), sb.fields().get(e.getKey())));
        }
      }
      if (fields.equals(sa.fields())) {
        return sa;
      }
      return fields.isEmpty() ? BOTTOM : new Struct(sa.name() + "_I_" + sb.name(), fields);
    }
    if (a instanceof CollectionType ac
        && b instanceof CollectionType bc
        && ac.getClass() == bc.getClass()) {
      Type element = intersect(ac.element(), bc.element());
      return withElement(ac, element);
    }
    return switch (compare(a, b)) {
      case EQUAL, LESS -> a;
      case GREATER -> b;
      case NONE -> BOTTOM;
    };
  }

  private static Type scalarBound(ScalarKind a, ScalarKind b, boolean upper) {
    if (a == b) {
      return new Scalar(a);
    }
    if (a.fitsStrictlyIn(b)) {
      return new Scalar(upper ? b : a);
    }
    if (b.fitsStrictlyIn(a)) {
      return new Scalar(upper ? a : b);
    }
    boolean anyFloat = ScalarKind.FLOAT.contains(a) || ScalarKind.FLOAT.contains(b);
    boolean anySigned = ScalarKind.SIGNED.contains(a) || ScalarKind.SIGNED.contains(b);
    List<ScalarKind> candidates = new ArrayList<>();
    for (ScalarKind x : ScalarKind.NUMBER) {
      boolean bounds =
          upper
              ? (a == x || a.fitsStrictlyIn(x)) && (b == x || b.fitsStrictlyIn(x))
              : (x == a || x.fitsStrictlyIn(a)) && (x == b || x.fitsStrictlyIn(b));
      if (bounds
          && (anyFloat || !ScalarKind.FLOAT.contains(x))
          && (anySigned || !ScalarKind.SIGNED.contains(x))) {
        candidates.add(x);
      }
    }
    // The tightest bound: a candidate that every other candidate lies beyond.
    for (ScalarKind x : candidates) {
      boolean tightest = true;
      for (ScalarKind y : candidates) {
        if (y != x && !(upper ? x.fitsStrictlyIn(y) : y.fitsStrictlyIn(x))) {
          tightest = false;
        }
      }
      if (tightest) {
        return new Scalar(x);
      }
    }
    return candidates.isEmpty() ? (upper ? TOP : BOTTOM) : new Scalar(candidates.get(0));
  }

  public static Type withElement(CollectionType c, Type element) {
    if (c instanceof Type.Array) {
      return new Type.Array(element);
    }
    if (c instanceof Type.Option) {
      return new Type.Option(element);
    }
    return c instanceof Type.Stream ? new Type.Stream(element) : new Type.CanonStream(element);
  }

  /** A literal's type when a definite scalar is needed: the most common reading. */
  public static boolean isNumeric(Type t) {
    return t instanceof Scalar s && ScalarKind.NUMBER.contains(s.kind())
        || t instanceof Literal l && ScalarKind.NUMBER.containsAll(l.oneOf());
  }

  /** Whether {@code t} is one of {@code kinds} (a scalar in the set or a literal that fits one). */
  public static boolean isOneOf(Type t, Set<ScalarKind> kinds) {
    if (t instanceof Scalar s) {
      return kinds.contains(s.kind());
    }
    if (t instanceof Literal l) {
      return l.oneOf().stream().anyMatch(kinds::contains);
    }
    return t instanceof Type.Bottom;
  }
}
