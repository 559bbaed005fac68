package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Expr.BinaryOp;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.Constants;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.QualifiedNames;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.types.ScalarKind;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Types values: resolves names, checks operators, calls, constructors and lambdas, and records what
 * it learns in {@link Typing}. A value that has an error gets no type, so one mistake is reported
 * once, not again by every value around it.
 */
final class ExprChecker {
  private final ModuleScope module;
  private final int order;
  private final Typing typing;
  private final BiConsumer<Pos, String> error;

  ExprChecker(ModuleScope module, int order, Typing typing, BiConsumer<Pos, String> error) {
    this.module = module;
    this.order = order;
    this.typing = typing;
    this.error = error;
  }

  /** The type of a value that must carry data. */
  Optional<Type> data(Expr expr, Locals locals) {
    Optional<Type> t = check(expr, locals);
    if (t.isPresent() && !(t.get() instanceof Type.DataType)) {
      if (t.get() instanceof Type.Product p && p.elements().isEmpty()) {
        error.accept(expr.pos(), "this call returns nothing; it cannot be used as a value");
      } else {
        error.accept(expr.pos(), "expected a value, found " + describe(t.get()));
      }
      return Optional.empty();
    }
    return t;
  }

  /** A value checked against the type it must have. */
  boolean expect(Expr expr, Type expected, Locals locals) {
    Optional<Type> t = check(expr, locals);
    if (t.isEmpty()) {
      return false;
    }
    if (!Types.accepts(expected, t.get())) {
      error.accept(expr.pos(), "type mismatch: expected " + expected + ", given " + t.get());
      return false;
    }
    return true;
  }

  Optional<Type> check(Expr expr, Locals locals) {
    Optional<Type> t = compute(expr, locals);
    t.ifPresent(type -> typing.setType(expr, type));
    return t;
  }

  private Optional<Type> compute(Expr expr, Locals locals) {
    if (expr instanceof Expr.Literal l) {
      return Optional.of(Constants.literal(l).type());
    }
    if (expr instanceof Expr.InitPeer) {
      return Optional.of(Types.LITERAL_STRING);
    }
    if (expr instanceof Expr.Collection c) {
      return collection(c, locals);
    }
    if (expr instanceof Expr.Name n) {
      return name(n, locals);
    }
    if (expr instanceof Expr.Call c) {
      return call(c, locals);
    }
    if (expr instanceof Expr.MethodCall m) {
      return method(m, locals);
    }
    if (expr instanceof Expr.Construct c) {
      return construct(c, locals);
    }
    if (expr instanceof Expr.Field f) {
      return field(f, locals);
    }
    if (expr instanceof Expr.Index i) {
      return index(i, locals);
    }
    if (expr instanceof Expr.Bang b) {
      return data(b.base(), locals).flatMap(t -> element(t, b.pos(), "!"));
    }
    if (expr instanceof Expr.Copy c) {
      return copy(c, locals);
    }
    if (expr instanceof Expr.Not n) {
      return expect(n.operand(), Types.BOOL, locals) ? Optional.of(Types.BOOL) : Optional.empty();
    }
    return binary((Expr.Binary) expr, locals);
  }

  // ---------------------------------------------------------------- names

  private Optional<Type> name(Expr.Name n, Locals locals) {
    Optional<Type> local = locals.find(n.name());
    if (local.isPresent()) {
      typing.setRef(n, new Ref.Local(n.name()));
      return local;
    }
    Optional<Value> builtin = Builtins.value(n.name());
    if (builtin.isPresent()) {
      typing.setRef(n, new Ref.Constant(builtin.get()));
      return Optional.of(builtin.get().type());
    }
    Optional<Symbol> symbol = module.lookup(n.name(), order);
    if (symbol.isPresent()) {
      return symbol(n, symbol.get());
    }
    error.accept(n.pos(), unknown("name", n.name(), locals));
    return Optional.empty();
  }

  private Optional<Type> symbol(Expr at, Symbol symbol) {
    if (symbol instanceof Symbol.ConstDef c) {
      typing.setRef(at, new Ref.Constant(c.value()));
      return Optional.of(c.value().type());
    }
    if (symbol instanceof Symbol.ServiceDef s) {
      typing.setRef(at, new Ref.Service(s));
      return Optional.of(s.type());
    }
    if (symbol instanceof Symbol.FuncDef f) {
      typing.setRef(at, new Ref.Function(f));
      return Optional.of(f.type());
    }
    if (symbol instanceof Symbol.ModuleRef m) {
      typing.setRef(at, new Ref.Module(m.module()));
      return Optional.of(new Type.Product(List.of()));
    }
    error.accept(at.pos(), "'" + symbol.name() + "' is a type, not a value");
    return Optional.empty();
  }

  private String unknown(String what, String name, Locals locals) {
    if (module.isAmbiguous(name)) {
      return "'" + name + "' is ambiguous: two imported modules declare it";
    }
    return "unknown " + what + " '" + name + "'" + Suggestions.didYouMean(name, candidates(locals));
  }

  private List<String> candidates(Locals locals) {
    List<String> out = new ArrayList<>(locals.all());
    Builtins.names().forEach(out::add);
    out.addAll(module.namesVisible(order));
    return out;
  }

  // ---------------------------------------------------------------- calls

  private Optional<Type> call(Expr.Call c, Locals locals) {
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

  private Optional<Type> method(Expr.MethodCall m, Locals locals) {
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

  private boolean argument(Expr arg, Type param, Locals locals) {
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

  // ---------------------------------------------------------------- data

  private Optional<Type> collection(Expr.Collection c, Locals locals) {
    Type element = null;
    boolean ok = true;
    for (Expr e : c.elements()) {
      Optional<Type> t = data(e, locals);
      if (t.isEmpty()) {
        ok = false;
        continue;
      }
      if (t.get() instanceof Type.Stream) {
        error.accept(e.pos(), "a collection cannot hold a stream");
        ok = false;
        continue;
      }
      element = element == null ? t.get() : Types.intersect(element, t.get());
    }
    if (!ok) {
      return Optional.empty();
    }
    if (element == null) {
      return Optional.of(Types.NIL);
    }
    if (element instanceof Type.Bottom) {
      element = Types.TOP;
    }
    return Optional.of(
        switch (c.kind()) {
          case ARRAY -> new Type.Array(element);
          case OPTION -> new Type.Option(element);
          case STREAM -> new Type.Stream(element);
        });
  }

  private Optional<Type> construct(Expr.Construct c, Locals locals) {
    Optional<Symbol> symbol = QualifiedNames.lookup(module, c.type().name(), order);
    Map<String, Type> fields;
    if (symbol.isPresent()
        && symbol.get() instanceof Symbol.TypeDef def
        && def.type() instanceof Type.Struct s) {
      fields = s.fields();
    } else if (symbol.isPresent()
        && symbol.get() instanceof Symbol.TypeDef def
        && def.type() instanceof Type.Ability a) {
      fields = a.fields();
    } else {
      error.accept(c.type().pos(), "unknown data or ability type '" + c.type().name() + "'");
      c.fields().forEach(f -> check(f.value(), locals));
      return Optional.empty();
    }
    Type type = ((Symbol.TypeDef) symbol.get()).type();
    // Like Fluence's compiler, a constructor may give more fields than the type declares: the
    // value has them all and still fits the declared type.
    Map<String, Type> given = new java.util.LinkedHashMap<>();
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    for (Expr.NamedArg arg : c.fields()) {
      String name = arg.name().name();
      if (!seen.add(name)) {
        error.accept(arg.name().pos(), "field '" + name + "' is given twice");
        ok = false;
      }
      Type wanted = fields.get(name);
      if (wanted != null) {
        ok &= argument(arg.value(), wanted, locals);
        given.put(
            name, typing.typeOrNull(arg.value()) == null ? wanted : typing.typeOrNull(arg.value()));
      } else if (type instanceof Type.Struct) {
        Optional<Type> t = data(arg.value(), locals);
        ok &= t.isPresent();
        t.ifPresent(extra -> given.put(name, extra));
      } else {
        error.accept(arg.name().pos(), type + " has no field '" + name + "'");
        check(arg.value(), locals);
        ok = false;
      }
    }
    for (String required : fields.keySet()) {
      if (!seen.contains(required)) {
        error.accept(c.type().pos(), "missing field '" + required + "' of " + type);
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    if (type instanceof Type.Struct s && !given.keySet().equals(s.fields().keySet())) {
      Map<String, Type> all = new java.util.LinkedHashMap<>(s.fields());
      given.forEach((k, v) -> all.putIfAbsent(k, v));
      return Optional.of(new Type.Struct(s.name(), all));
    }
    return Optional.of(type);
  }

  private boolean namedFields(
      List<Expr.NamedArg> given, Map<String, Type> fields, String typeName, Locals locals) {
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    for (Expr.NamedArg arg : given) {
      String name = arg.name().name();
      if (!seen.add(name)) {
        error.accept(arg.name().pos(), "field '" + name + "' is given twice");
        ok = false;
      }
      Type wanted = fields.get(name);
      if (wanted == null) {
        error.accept(arg.name().pos(), typeName + " has no field '" + name + "'");
        check(arg.value(), locals);
        ok = false;
        continue;
      }
      ok &= argument(arg.value(), wanted, locals);
    }
    return ok;
  }

  private Optional<Type> copy(Expr.Copy c, Locals locals) {
    Optional<Type> base = data(c.base(), locals);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    if (!(base.get() instanceof Type.Struct s)) {
      error.accept(c.pos(), ".copy needs a data value, given " + base.get());
      return Optional.empty();
    }
    return namedFields(c.fields(), s.fields(), s.name(), locals) ? base : Optional.empty();
  }

  private Optional<Type> field(Expr.Field f, Locals locals) {
    Optional<Type> base = check(f.base(), locals);
    if (base.isEmpty()) {
      return Optional.empty();
    }
    String name = f.field().name();
    Type t = base.get();
    if (t instanceof Type.Bottom) {
      return base;
    }
    if (typing.hasRef(f.base()) && typing.ref(f.base()) instanceof Ref.Module rm) {
      Symbol symbol = rm.module().declared().get(name);
      if (symbol == null) {
        error.accept(
            f.field().pos(), "module " + rm.module().name() + " declares no '" + name + "'");
        return Optional.empty();
      }
      return symbol(f, symbol);
    }
    if (t instanceof Type.Struct s) {
      Type ft = s.fields().get(name);
      if (ft == null) {
        error.accept(
            f.field().pos(),
            "data "
                + s.name()
                + " has no field '"
                + name
                + "'"
                + Suggestions.didYouMean(name, s.fields().keySet()));
        return Optional.empty();
      }
      return Optional.of(ft);
    }
    if (t instanceof Type.Service s && s.functions().containsKey(name)) {
      return Optional.of(s.functions().get(name));
    }
    if (t instanceof Type.Ability a) {
      Type ft = a.fields().get(name);
      if (ft == null) {
        error.accept(f.field().pos(), "ability " + a.name() + " has no field '" + name + "'");
        return Optional.empty();
      }
      return Optional.of(ft);
    }
    if (t instanceof Type.CollectionType && name.equals("length")) {
      return Optional.of(Types.U32);
    }
    error.accept(
        f.field().pos(), "a value of type " + describe(t) + " has no field '" + name + "'");
    return Optional.empty();
  }

  private Optional<Type> index(Expr.Index i, Locals locals) {
    Optional<Type> base = data(i.base(), locals);
    Optional<Type> index = data(i.index(), locals);
    if (base.isEmpty() || index.isEmpty()) {
      return Optional.empty();
    }
    if (!Types.isOneOf(index.get(), ScalarKind.UNSIGNED)
        && !Types.isOneOf(index.get(), ScalarKind.INTEGER)) {
      error.accept(i.index().pos(), "an index must be an unsigned integer, given " + index.get());
      return Optional.empty();
    }
    return element(base.get(), i.pos(), "[]");
  }

  private Optional<Type> element(Type collection, Pos pos, String op) {
    if (collection instanceof Type.Bottom) {
      return Optional.of(collection);
    }
    if (collection instanceof Type.CollectionType c) {
      return Optional.of(c.element());
    }
    error.accept(pos, "'" + op + "' needs a collection, given " + collection);
    return Optional.empty();
  }

  // ---------------------------------------------------------------- operators

  private Optional<Type> binary(Expr.Binary b, Locals locals) {
    Optional<Type> lt = data(b.left(), locals);
    Optional<Type> rt = data(b.right(), locals);
    if (lt.isEmpty() || rt.isEmpty()) {
      return Optional.empty();
    }
    Type l = lt.get();
    Type r = rt.get();
    BinaryOp op = b.op();
    if (op == BinaryOp.AND || op == BinaryOp.OR) {
      boolean ok = expectType(b.left(), l, Types.BOOL) && expectType(b.right(), r, Types.BOOL);
      return ok ? Optional.of(Types.BOOL) : Optional.empty();
    }
    if (op == BinaryOp.EQ || op == BinaryOp.NEQ) {
      if (!comparable(l, r)) {
        error.accept(b.pos(), "cannot compare " + l + " with " + r);
        return Optional.empty();
      }
      return Optional.of(Types.BOOL);
    }
    boolean floats = acceptsFloat(l) || acceptsFloat(r);
    if (op == BinaryOp.MUL && floats) {
      boolean ok = oneOf(b.left(), l, ScalarKind.FLOAT) && oneOf(b.right(), r, ScalarKind.FLOAT);
      return ok ? Optional.of(Types.I64) : Optional.empty();
    }
    Set<ScalarKind> right = op == BinaryOp.POW ? ScalarKind.UNSIGNED : ScalarKind.INTEGER;
    boolean ok = oneOf(b.left(), l, ScalarKind.INTEGER) && oneOf(b.right(), r, right);
    if (!ok) {
      return Optional.empty();
    }
    if (op.isComparison()) {
      return Optional.of(Types.BOOL);
    }
    Type united = Types.unite(l, r);
    return Optional.of(
        united instanceof Type.Scalar || united instanceof Type.Literal ? united : Types.I64);
  }

  private static boolean acceptsFloat(Type t) {
    return Types.accepts(t, Types.LITERAL_FLOAT) && !(t instanceof Type.Top);
  }

  private boolean oneOf(Expr at, Type t, Set<ScalarKind> kinds) {
    if (Types.isOneOf(t, kinds)) {
      return true;
    }
    List<String> names = kinds.stream().map(ScalarKind::aquaName).toList();
    error.accept(
        at.pos(), "type mismatch: expected one of " + String.join(", ", names) + ", given " + t);
    return false;
  }

  private boolean expectType(Expr at, Type t, Type expected) {
    if (Types.accepts(expected, t)) {
      return true;
    }
    error.accept(at.pos(), "type mismatch: expected " + expected + ", given " + t);
    return false;
  }

  static boolean comparable(Type l, Type r) {
    if (Types.accepts(l, r) || Types.accepts(r, l)) {
      return true;
    }
    if (Types.isNumeric(l) && Types.isNumeric(r)) {
      return true;
    }
    if (l instanceof Type.CollectionType lc && r instanceof Type.CollectionType rc) {
      return comparable(lc.element(), rc.element());
    }
    return l instanceof Type.Struct && r instanceof Type.Struct;
  }

  static String describe(Type t) {
    if (t instanceof Type.Service s) {
      return "service " + s.name();
    }
    if (t instanceof Type.Ability a) {
      return "ability " + a.name();
    }
    if (t instanceof Type.Arrow a) {
      return "arrow " + a;
    }
    if (t instanceof Type.Product p && p.elements().isEmpty()) {
      return "a module or nothing";
    }
    return t.toString();
  }
}
