package io.gyre.aqua.check;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Stmt;
import io.gyre.aqua.types.Type;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the type checker learnt about the AST, keyed by node identity: the type of every value, what
 * every name refers to, what every call calls, and the stream each {@code <-} target pushes into.
 * Read by the lowering stage.
 */
public final class Typing {
  private final Map<Expr, Type> types = new IdentityHashMap<>();
  private final Map<Expr, Ref> refs = new IdentityHashMap<>();
  private final Map<Expr, Callee> callees = new IdentityHashMap<>();
  private final Map<Stmt, Type> declared = new IdentityHashMap<>();
  private final Map<Stmt, java.util.Set<Integer>> pushTargets = new IdentityHashMap<>();
  private final Map<Expr.Construct, java.util.List<Expr.NamedArg>> fields = new IdentityHashMap<>();

  private final java.util.List<io.gyre.aqua.source.Diagnostic> warnings =
      new java.util.ArrayList<>();

  /** Deprecated forms the checker accepted. */
  public java.util.List<io.gyre.aqua.source.Diagnostic> warnings() {
    return java.util.List.copyOf(warnings);
  }

  void warn(io.gyre.aqua.source.Diagnostic warning) {
    warnings.add(warning);
  }

  /** A constructor's fields by name (positional ones named after the fields they fill). */
  public java.util.List<Expr.NamedArg> fields(Expr.Construct c) {
    return fields.getOrDefault(c, c.fields());
  }

  void setFields(Expr.Construct c, java.util.List<Expr.NamedArg> named) {
    fields.put(c, named);
  }

  public Type type(Expr expr) {
    Type t = types.get(expr);
    if (t == null) {
      throw new IllegalStateException("no type recorded for " + expr);
    }
    return t;
  }

  /** The type of a value, or null when it had an error (checker-internal). */
  Type typeOrNull(Expr expr) {
    return types.get(expr);
  }

  public Ref ref(Expr expr) {
    Ref r = refs.get(expr);
    if (r == null) {
      throw new IllegalStateException("no reference recorded for " + expr);
    }
    return r;
  }

  public boolean hasRef(Expr expr) {
    return refs.containsKey(expr);
  }

  public Callee callee(Expr call) {
    Callee c = callees.get(call);
    if (c == null) {
      throw new IllegalStateException("no callee recorded for " + call);
    }
    return c;
  }

  /** Whether target {@code index} of a call statement is an existing stream it pushes into. */
  public boolean isPushTarget(Stmt call, int index) {
    return pushTargets.getOrDefault(call, java.util.Set.of()).contains(index);
  }

  void setPushTarget(Stmt call, int index) {
    pushTargets.computeIfAbsent(call, k -> new java.util.HashSet<>()).add(index);
  }

  /** The type written in a stream declaration, or a closure's arrow type. */
  public Type declaredType(Stmt stmt) {
    return declared.get(stmt);
  }

  void setType(Expr expr, Type type) {
    types.put(expr, type);
  }

  void setRef(Expr expr, Ref ref) {
    refs.put(expr, ref);
  }

  void setCallee(Expr call, Callee callee) {
    callees.put(call, callee);
  }

  void setDeclared(Stmt stmt, Type type) {
    declared.put(stmt, type);
  }
}
