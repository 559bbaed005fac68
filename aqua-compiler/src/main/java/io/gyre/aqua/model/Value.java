package io.gyre.aqua.model;

import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.util.ArrayList;
import java.util.List;

/** A value in the lowered program: an AIR literal or a variable with a lambda path. */
public sealed interface Value {
  Type type();

  /**
   * A literal in AIR syntax ({@code "text"}, {@code 5}, {@code true}, {@code []}, {@code %ttl%}).
   */
  record Literal(String air, Type type) implements Value {
    public static Literal string(String content) {
      return new Literal("\"" + content + "\"", Types.LITERAL_STRING);
    }

    public static Literal bool(boolean b) {
      return new Literal(Boolean.toString(b), Types.LITERAL_BOOL);
    }

    public static Literal number(long n) {
      return new Literal(Long.toString(n), n < 0 ? Types.LITERAL_SIGNED : Types.LITERAL_UNSIGNED);
    }

    public static final Literal INIT_PEER = new Literal("%init_peer_id%", Types.LITERAL_STRING);
    public static final Literal NIL = new Literal("[]", Types.NIL);
    public static final Literal EMPTY_ARRAY = new Literal("[]", new Type.Array(Types.BOTTOM));

    @Override
    public String toString() {
      return air;
    }
  }

  /**
   * A variable: {@code name} without its AIR sigil (streams print as {@code $name}, canonicalised
   * streams as {@code #name}); {@code baseType} is the variable's type, {@link #type()} the type
   * after the path.
   */
  record Var(String name, Type baseType, List<Step> path) implements Value {
    public Var {
      path = List.copyOf(path);
    }

    public Var(String name, Type baseType) {
      this(name, baseType, List.of());
    }

    @Override
    public Type type() {
      return path.isEmpty() ? baseType : path.get(path.size() - 1).type();
    }

    public Var with(Step step) {
      List<Step> longer = new ArrayList<>(path);
      longer.add(step);
      return new Var(name, baseType, longer);
    }

    public Var withoutPath() {
      return new Var(name, baseType);
    }

    public Var renamed(String newName) {
      return new Var(newName, baseType, path);
    }

    @Override
    public String toString() {
      return name + path;
    }
  }

  /** One step of a lambda path. */
  sealed interface Step {
    Type type();
  }

  /** {@code .field}. */
  record Field(String name, Type type) implements Step {}

  /** {@code .[index]}: a number literal or a scalar variable. */
  record Index(Value index, Type type) implements Step {}

  /** {@code .length} of a canonicalised stream (an AIR functor, not a lambda). */
  record Length(Type type) implements Step {}
}
