package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;
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
  private final CallChecker calls;
  private final OperatorChecker operators;

  ExprChecker(ModuleScope module, int order, Typing typing, BiConsumer<Pos, String> error) {
    this.module = module;
    this.order = order;
    this.typing = typing;
    this.error = error;
    this.calls = new CallChecker(this, module, order, typing, error);
    this.operators = new OperatorChecker(this, error);
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
      return calls.call(c, locals);
    }
    if (expr instanceof Expr.MethodCall m) {
      return calls.method(m, locals);
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
    return operators.binary((Expr.Binary) expr, locals);
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
    return "unknown " + what + " '" + name + "'" + Suggestions.didYouMean(name, candidates(locals));
  }

  List<String> candidates(Locals locals) {
    List<String> out = new ArrayList<>(locals.all());
    Builtins.names().forEach(out::add);
    out.addAll(module.namesVisible(order));
    return out;
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
      // A stream in a collection is canonicalised: the collection holds its snapshot.
      Type held = t.get() instanceof Type.Stream s ? new Type.CanonStream(s.element()) : t.get();
      element = element == null ? held : Types.intersect(element, held);
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
      c.positional().forEach(v -> check(v, locals));
      return Optional.empty();
    }
    Type type = ((Symbol.TypeDef) symbol.get()).type();
    Optional<List<Expr.NamedArg>> named = namedFields(c, type, fields, locals);
    if (named.isEmpty()) {
      return Optional.empty();
    }
    typing.setFields(c, named.get());
    // Like Fluence's compiler, a constructor may give more fields than the type declares: the
    // value has them all and still fits the declared type.
    Map<String, Type> given = new java.util.LinkedHashMap<>();
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    for (Expr.NamedArg arg : named.get()) {
      String name = arg.name().name();
      if (!seen.add(name)) {
        error.accept(arg.name().pos(), "field '" + name + "' is given twice");
        ok = false;
      }
      Type wanted = fields.get(name);
      if (wanted != null) {
        ok &= calls.argument(arg.value(), wanted, locals);
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

  /**
   * The constructor's fields by name: as written, or an ability's fields given in declaration order
   * named after the fields they fill.
   */
  private Optional<List<Expr.NamedArg>> namedFields(
      Expr.Construct c, Type type, Map<String, Type> fields, Locals locals) {
    if (c.positional().isEmpty()) {
      return Optional.of(c.fields());
    }
    if (!(type instanceof Type.Ability)) {
      error.accept(
          c.positional().get(0).pos(), "fields of data must be given by name: field = value");
      c.positional().forEach(v -> check(v, locals));
      return Optional.empty();
    }
    if (c.positional().size() != fields.size()) {
      error.accept(
          c.type().pos(),
          type + " has " + fields.size() + " fields, given " + c.positional().size() + " values");
      c.positional().forEach(v -> check(v, locals));
      return Optional.empty();
    }
    List<Expr.NamedArg> out = new ArrayList<>();
    int i = 0;
    for (String name : fields.keySet()) {
      Expr value = c.positional().get(i++);
      out.add(new Expr.NamedArg(new io.gyre.aqua.ast.Ident(name, value.pos()), value));
    }
    return Optional.of(out);
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
      ok &= calls.argument(arg.value(), wanted, locals);
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
