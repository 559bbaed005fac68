package io.gyre.aqua.parse;

import static io.gyre.aqua.parse.AstBuilder.pos;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Expr.BinaryOp;
import io.gyre.aqua.ast.Ident;
import io.gyre.aqua.ast.TypeExpr;
import io.gyre.aqua.grammar.AquaLexer;
import io.gyre.aqua.grammar.AquaParser.*;
import io.gyre.aqua.source.Pos;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Builds values and types of the AST from the parse tree (part of {@link AstBuilder}). */
final class ExprBuilder {
  private final BiConsumer<Pos, String> error;
  private final NestingGuard nesting;

  ExprBuilder(BiConsumer<Pos, String> error, NestingGuard nesting) {
    this.error = error;
    this.nesting = nesting;
  }

  // ---------------------------------------------------------------- values

  Expr expr(ExprContext ctx) {
    if (ctx instanceof AtomExprContext a) {
      return atom(a.atom());
    }
    BinaryExprContext b = (BinaryExprContext) ctx;
    nesting.enter(b);
    try {
      Expr left = expr(b.expr(0));
      Expr right = expr(b.expr(1));
      int op = ((TerminalNode) b.getChild(1)).getSymbol().getType();
      return new Expr.Binary(operator(op), left, right, left.pos().to(right.pos()));
    } finally {
      nesting.exit();
    }
  }

  private static BinaryOp operator(int token) {
    return switch (token) {
      case AquaLexer.PLUS -> BinaryOp.ADD;
      case AquaLexer.MINUS -> BinaryOp.SUB;
      case AquaLexer.STAR -> BinaryOp.MUL;
      case AquaLexer.SLASH -> BinaryOp.DIV;
      case AquaLexer.PERCENT -> BinaryOp.REM;
      case AquaLexer.LT -> BinaryOp.LT;
      case AquaLexer.LTE -> BinaryOp.LTE;
      case AquaLexer.GT -> BinaryOp.GT;
      case AquaLexer.GTE -> BinaryOp.GTE;
      case AquaLexer.EQ -> BinaryOp.EQ;
      case AquaLexer.NEQ -> BinaryOp.NEQ;
      case AquaLexer.AND -> BinaryOp.AND;
      case AquaLexer.OR -> BinaryOp.OR;
      case AquaLexer.POW -> BinaryOp.POW;
      default -> throw new IllegalStateException("not a binary operator: " + token);
    };
  }

  private Expr atom(AtomContext ctx) {
    nesting.enter(ctx);
    try {
      return atomUnguarded(ctx);
    } finally {
      nesting.exit();
    }
  }

  private Expr atomUnguarded(AtomContext ctx) {
    Expr value = basic(ctx.basic());
    for (PropertyContext p : ctx.property()) {
      value = property(value, p);
    }
    return value;
  }

  private Expr property(Expr base, PropertyContext ctx) {
    Pos pos = base.pos().to(pos(ctx));
    if (ctx instanceof FieldPropertyContext c) {
      return new Expr.Field(base, ident(c.memberName()), pos);
    }
    if (ctx instanceof IndexPropertyContext c) {
      return new Expr.Index(base, expr(c.expr()), pos);
    }
    if (ctx instanceof BangPropertyContext c) {
      if (c.INT() == null) {
        return new Expr.Bang(base, OptionalInt.empty(), pos);
      }
      return new Expr.Bang(base, OptionalInt.of(smallIndex(c.INT())), pos);
    }
    MethodPropertyContext c = (MethodPropertyContext) ctx;
    Ident method = ident(c.memberName());
    if (method.name().equals("copy") && c.abilityArgs() == null) {
      return new Expr.Copy(base, namedArgs(c.callArg(), method.pos()), pos);
    }
    return new Expr.MethodCall(
        base, method, abilityArgs(c.abilityArgs()), positional(c.callArg()), pos);
  }

  private int smallIndex(TerminalNode digits) {
    try {
      return Integer.parseInt(digits.getText());
    } catch (NumberFormatException e) {
      error.accept(pos(digits), "index " + digits.getText() + " is too large");
      return 0;
    }
  }

  private Expr basic(BasicContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof LiteralValueContext c) {
      return literal(c.literal());
    }
    if (ctx instanceof InitPeerValueContext) {
      return new Expr.InitPeer(pos);
    }
    if (ctx instanceof CollectionValueContext c) {
      Expr.CollectionKind kind =
          c.QUESTION() != null
              ? Expr.CollectionKind.OPTION
              : c.STAR() != null ? Expr.CollectionKind.STREAM : Expr.CollectionKind.ARRAY;
      return new Expr.Collection(kind, c.expr().stream().map(this::expr).toList(), pos);
    }
    if (ctx instanceof CallValueContext c) {
      Ident callee = ident(c.anyName());
      if (c.anyName().UPPER_ID() != null) {
        if (c.abilityArgs() != null) {
          error.accept(pos(c.abilityArgs()), "a constructor takes no abilities");
        }
        return construct(callee, c.callArg(), pos);
      }
      return new Expr.Call(callee, abilityArgs(c.abilityArgs()), positional(c.callArg()), pos);
    }
    if (ctx instanceof NameValueContext c) {
      return new Expr.Name(c.getText(), pos);
    }
    if (ctx instanceof NotValueContext c) {
      nesting.enter(c);
      try {
        return new Expr.Not(atom(c.atom()), pos);
      } finally {
        nesting.exit();
      }
    }
    return expr(((ParenValueContext) ctx).expr());
  }

  private Expr literal(LiteralContext ctx) {
    Pos pos = pos(ctx);
    if (ctx.TRUE() != null || ctx.FALSE() != null) {
      return new Expr.Literal(Expr.LiteralKind.BOOL, ctx.getText(), pos);
    }
    if (ctx.STRING() != null) {
      String text = ctx.STRING().getText();
      return new Expr.Literal(Expr.LiteralKind.STRING, text.substring(1, text.length() - 1), pos);
    }
    boolean negative = ctx.MINUS() != null;
    if (ctx.FLOAT() != null) {
      return new Expr.Literal(
          Expr.LiteralKind.FLOAT, (negative ? "-" : "") + ctx.FLOAT().getText(), pos);
    }
    String digits = ctx.INT().getText();
    return negative
        ? new Expr.Literal(Expr.LiteralKind.SIGNED, "-" + digits, pos)
        : new Expr.Literal(Expr.LiteralKind.UNSIGNED, digits, pos);
  }

  private List<Expr> abilityArgs(AbilityArgsContext ctx) {
    return ctx == null ? List.of() : ctx.expr().stream().map(this::expr).toList();
  }

  private List<Expr> positional(List<CallArgContext> args) {
    List<Expr> out = new ArrayList<>();
    for (CallArgContext arg : args) {
      if (arg.memberName() != null) {
        error.accept(
            pos(arg.memberName()),
            "arguments of a call are positional; '"
                + arg.memberName().getText()
                + " =' is only for constructors and .copy");
      }
      out.add(expr(arg.expr()));
    }
    return out;
  }

  /** Fields by name, or all of them in order (an ability's); not a mix of both. */
  private Expr construct(Ident type, List<CallArgContext> args, Pos pos) {
    if (!args.isEmpty() && args.stream().allMatch(a -> a.memberName() == null)) {
      return new Expr.Construct(
          type, List.of(), args.stream().map(a -> expr(a.expr())).toList(), pos);
    }
    return new Expr.Construct(type, namedArgs(args, type.pos()), List.of(), pos);
  }

  private List<Expr.NamedArg> namedArgs(List<CallArgContext> args, Pos at) {
    List<Expr.NamedArg> out = new ArrayList<>();
    for (CallArgContext arg : args) {
      Expr value = expr(arg.expr());
      if (arg.memberName() == null) {
        error.accept(value.pos(), "fields must be given by name: field = value");
        continue;
      }
      out.add(new Expr.NamedArg(ident(arg.memberName()), value));
    }
    if (args.isEmpty()) {
      error.accept(at, "give at least one field: Type(field = value)");
    }
    return out;
  }

  // ---------------------------------------------------------------- types

  TypeExpr type(TypeRefContext ctx) {
    return ctx.arrowType() != null ? arrow(ctx.arrowType()) : dataType(ctx.dataType());
  }

  private TypeExpr member(MemberTypeContext ctx) {
    return ctx.arrowType() != null ? arrow(ctx.arrowType()) : dataType(ctx.dataType());
  }

  TypeExpr arrow(ArrowTypeContext ctx) {
    nesting.enter(ctx);
    try {
      return arrowUnguarded(ctx);
    } finally {
      nesting.exit();
    }
  }

  private TypeExpr arrowUnguarded(ArrowTypeContext ctx) {
    List<TypeExpr> args = new ArrayList<>();
    List<TypeExpr> results = new ArrayList<>();
    boolean afterArrow = false;
    for (ParseTree child : ctx.children) {
      if (child instanceof TerminalNode t && t.getSymbol().getType() == AquaLexer.ARROW) {
        afterArrow = true;
      } else if (child instanceof MemberTypeContext m) {
        (afterArrow ? results : args).add(member(m));
      }
    }
    return new TypeExpr.Arrow(args, results, pos(ctx));
  }

  TypeExpr dataType(DataTypeContext ctx) {
    nesting.enter(ctx);
    try {
      Pos pos = pos(ctx);
      if (ctx instanceof ArrayTypeContext c) {
        return new TypeExpr.Array(dataType(c.dataType()), pos);
      }
      if (ctx instanceof StreamTypeContext c) {
        return new TypeExpr.Stream(dataType(c.dataType()), pos);
      }
      if (ctx instanceof OptionTypeContext c) {
        return new TypeExpr.Option(dataType(c.dataType()), pos);
      }
      if (ctx instanceof TopTypeContext) {
        return new TypeExpr.Top(pos);
      }
      if (ctx instanceof BottomTypeContext) {
        return new TypeExpr.Bottom(pos);
      }
      if (ctx instanceof ScalarTypeContext c) {
        return new TypeExpr.Scalar(c.getText(), pos);
      }
      return new TypeExpr.Named(ctx.getText(), pos);
    } finally {
      nesting.exit();
    }
  }

  private static Ident ident(ParserRuleContext ctx) {
    return new Ident(ctx.getText(), pos(ctx));
  }
}
