package io.gyre.aqua.ast;

import io.gyre.aqua.source.Pos;
import java.util.List;
import java.util.OptionalInt;

/** A value expression. */
public sealed interface Expr {
  Pos pos();

  enum LiteralKind {
    BOOL,
    UNSIGNED,
    SIGNED,
    FLOAT,
    STRING
  }

  /** A literal as written; strings keep their quotes out ({@code text} is the content). */
  record Literal(LiteralKind kind, String text, Pos pos) implements Expr {}

  /** {@code %init_peer_id%}. */
  record InitPeer(Pos pos) implements Expr {}

  enum CollectionKind {
    ARRAY,
    OPTION,
    STREAM
  }

  /** {@code [a, b]}, {@code ?[a]}, {@code *[a, b]}. */
  record Collection(CollectionKind kind, List<Expr> elements, Pos pos) implements Expr {
    public Collection {
      elements = List.copyOf(elements);
    }
  }

  /** A bare name: a variable, an argument, a constant, a service or ability, a module. */
  record Name(String name, Pos pos) implements Expr {}

  /** {@code f{Ab}(args)}: a function, closure or arrow argument called by name. */
  record Call(Ident callee, List<Expr> abilities, List<Expr> args, Pos pos) implements Expr {
    public Call {
      abilities = List.copyOf(abilities);
      args = List.copyOf(args);
    }
  }

  /** An argument given by name: {@code field = value}. */
  record NamedArg(Ident name, Expr value) {}

  /**
   * {@code Type(a = 1, b = x)}: a struct or an ability value; an ability's fields may also be given
   * in declaration order ({@code Ab(f, g)}), as {@code positional}.
   */
  record Construct(Ident type, List<NamedArg> fields, List<Expr> positional, Pos pos)
      implements Expr {
    public Construct {
      fields = List.copyOf(fields);
      positional = List.copyOf(positional);
    }
  }

  /** {@code base.field}. */
  record Field(Expr base, Ident field, Pos pos) implements Expr {}

  /** {@code base.method{Ab}(args)}: a service, ability or module arrow. */
  record MethodCall(Expr base, Ident method, List<Expr> abilities, List<Expr> args, Pos pos)
      implements Expr {
    public MethodCall {
      abilities = List.copyOf(abilities);
      args = List.copyOf(args);
    }
  }

  /** {@code base.copy(a = 1)}. */
  record Copy(Expr base, List<NamedArg> fields, Pos pos) implements Expr {
    public Copy {
      fields = List.copyOf(fields);
    }
  }

  /** {@code base[index]}. */
  record Index(Expr base, Expr index, Pos pos) implements Expr {}

  /** {@code base!} (first element) or {@code base!2}. */
  record Bang(Expr base, OptionalInt index, Pos pos) implements Expr {}

  /** {@code !operand}. */
  record Not(Expr operand, Pos pos) implements Expr {}

  enum BinaryOp {
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    REM("%"),
    POW("**"),
    LT("<"),
    LTE("<="),
    GT(">"),
    GTE(">="),
    EQ("=="),
    NEQ("!="),
    AND("&&"),
    OR("||");

    private final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean isArithmetic() {
      return ordinal() <= POW.ordinal();
    }

    public boolean isComparison() {
      return this == LT || this == LTE || this == GT || this == GTE;
    }
  }

  record Binary(BinaryOp op, Expr left, Expr right, Pos pos) implements Expr {}
}
