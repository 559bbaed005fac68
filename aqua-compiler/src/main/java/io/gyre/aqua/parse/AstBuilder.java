package io.gyre.aqua.parse;

import io.gyre.aqua.ast.Decl;
import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Ident;
import io.gyre.aqua.ast.Module;
import io.gyre.aqua.ast.Signature;
import io.gyre.aqua.ast.Stmt;
import io.gyre.aqua.ast.TypeExpr;
import io.gyre.aqua.grammar.AquaParser.*;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the ANTLR parse tree into Gyre's AST; the parse tree goes no further. Declarations and
 * statements are built here; values and types by {@link ExprBuilder}. Also attaches {@code else},
 * {@code catch}, {@code otherwise} and {@code par} to the statement before them.
 */
final class AstBuilder {
  private final SourceFile file;
  private final List<Diagnostic> diagnostics;
  private final ExprBuilder exprs;
  private final NestingGuard nesting;

  AstBuilder(SourceFile file, List<Diagnostic> diagnostics, NestingGuard nesting) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.nesting = nesting;
    this.exprs = new ExprBuilder(this::error, nesting);
  }

  Module module(FileContext ctx) {
    Optional<Module.Header> header = Optional.ofNullable(ctx.moduleHeader()).map(this::header);
    List<Module.HeadItem> heads = new ArrayList<>();
    for (HeadItemContext item : ctx.headItem()) {
      heads.add(headItem(item));
    }
    List<Decl> decls = new ArrayList<>();
    for (DeclarationContext decl : ctx.declaration()) {
      decls.add(declaration(decl));
    }
    return new Module(file, header, heads, decls);
  }

  private Module.Header header(ModuleHeaderContext ctx) {
    Ident name = qualified(ctx.qualifiedName());
    boolean deprecated = ctx.MODULE() != null;
    Pos keyword = pos(deprecated ? ctx.MODULE() : ctx.AQUA());
    DeclaresListContext declares = ctx.declaresList();
    if (declares == null) {
      return new Module.Header(name, false, List.of(), deprecated, keyword);
    }
    if (declares.STAR() != null) {
      return new Module.Header(name, true, List.of(), deprecated, keyword);
    }
    return new Module.Header(
        name, false, declares.anyName().stream().map(this::ident).toList(), deprecated, keyword);
  }

  private Module.HeadItem headItem(HeadItemContext ctx) {
    if (ctx instanceof ImportAllContext c) {
      return new Module.Import(string(c.STRING()), pos(c.STRING()), List.of());
    }
    if (ctx instanceof ImportFromContext c) {
      return new Module.Import(
          string(c.STRING()),
          pos(c.STRING()),
          c.importName().stream().map(this::imported).toList());
    }
    if (ctx instanceof UseAllContext c) {
      return new Module.Use(
          string(c.STRING()),
          pos(c.STRING()),
          List.of(),
          Optional.ofNullable(c.qualifiedName()).map(this::qualified));
    }
    if (ctx instanceof UseFromContext c) {
      return new Module.Use(
          string(c.STRING()),
          pos(c.STRING()),
          c.importName().stream().map(this::imported).toList(),
          Optional.of(qualified(c.qualifiedName())));
    }
    ExportContext c = (ExportContext) ctx;
    List<Module.ImportedName> names = new ArrayList<>();
    for (ExportItemContext item : c.exportItem()) {
      names.add(
          new Module.ImportedName(
              ident(item.anyName(0)), Optional.ofNullable(item.anyName(1)).map(this::ident)));
    }
    return new Module.Export(names, pos(c));
  }

  private Module.ImportedName imported(ImportNameContext ctx) {
    return new Module.ImportedName(
        ident(ctx.anyName(0)), Optional.ofNullable(ctx.anyName(1)).map(this::ident));
  }

  // ---------------------------------------------------------------- declarations

  private Decl declaration(DeclarationContext ctx) {
    if (ctx instanceof DataDeclContext c) {
      List<Decl.Field> fields = new ArrayList<>();
      for (FieldDeclContext f : c.fieldDecl()) {
        fields.add(new Decl.Field(ident(f.memberName()), exprs.type(f.typeRef())));
      }
      return new Decl.Data(ident(c.UPPER_ID()), fields);
    }
    if (ctx instanceof AliasDeclContext c) {
      return new Decl.Alias(ident(c.UPPER_ID()), exprs.type(c.typeRef()));
    }
    if (ctx instanceof ConstDeclContext c) {
      return new Decl.Const(ident(c.UPPER_ID()), c.OPT_ASSIGN() != null, exprs.expr(c.expr()));
    }
    if (ctx instanceof ServiceDeclContext c) {
      List<Decl.ArrowDecl> arrows = new ArrayList<>();
      for (ArrowDeclContext a : c.arrowDecl()) {
        Signature signature =
            a.arrowSignature() != null
                ? signature(a.arrowSignature())
                : unnamed((TypeExpr.Arrow) exprs.arrow(a.arrowType()));
        arrows.add(new Decl.ArrowDecl(ident(a.memberName()), signature));
      }
      return new Decl.Service(
          ident(c.UPPER_ID()), Optional.ofNullable(c.expr()).map(exprs::expr), arrows);
    }
    if (ctx instanceof AbilityDeclContext c) {
      List<Decl.Field> fields = new ArrayList<>();
      List<Decl.ArrowDecl> arrows = new ArrayList<>();
      for (AbilityMemberContext m : c.abilityMember()) {
        if (m instanceof AbilityArrowContext a) {
          arrows.add(new Decl.ArrowDecl(ident(a.memberName()), signature(a.arrowSignature())));
        } else {
          AbilityFieldContext f = (AbilityFieldContext) m;
          fields.add(new Decl.Field(ident(f.memberName()), exprs.type(f.typeRef())));
        }
      }
      return new Decl.Ability(ident(c.UPPER_ID()), fields, arrows);
    }
    FuncDeclContext c = (FuncDeclContext) ctx;
    List<Ident> abilities = new ArrayList<>();
    if (c.abilityParams() != null) {
      c.abilityParams().qualifiedName().forEach(q -> abilities.add(qualified(q)));
    }
    return new Decl.Func(
        ident(c.name()), abilities, signature(c.arrowSignature()), block(c.block()));
  }

  private Signature signature(ArrowSignatureContext ctx) {
    List<Signature.Param> params = new ArrayList<>();
    for (ParamContext p : ctx.param()) {
      TypeExpr type = exprs.type(p.typeRef());
      params.add(new Signature.Param(ident(p.name()), type));
    }
    List<TypeExpr> results = new ArrayList<>();
    if (ctx.returnTypes() != null) {
      ctx.returnTypes().typeRef().forEach(t -> results.add(exprs.type(t)));
    }
    return new Signature(params, results, pos(ctx));
  }

  /** {@code name: A, B -> C} as a signature: the parameters are named by position. */
  private static Signature unnamed(TypeExpr.Arrow arrow) {
    List<Signature.Param> params = new ArrayList<>();
    for (int i = 0; i < arrow.args().size(); i++) {
      TypeExpr t = arrow.args().get(i);
      params.add(new Signature.Param(new Ident("arg" + i, t.pos()), t));
    }
    return new Signature(params, arrow.results(), arrow.pos());
  }

  // ---------------------------------------------------------------- statements

  private List<Stmt> block(BlockContext ctx) {
    nesting.enter(ctx);
    try {
      List<Stmt> out = new ArrayList<>();
      for (StatementContext s : ctx.statement()) {
        statementInto(s, out);
      }
      return out;
    } finally {
      nesting.exit();
    }
  }

  /** Appends the statement, folding else / catch / otherwise / par into the one before. */
  private void statementInto(StatementContext ctx, List<Stmt> out) {
    Pos pos = pos(ctx);
    Stmt previous = out.isEmpty() ? null : out.get(out.size() - 1);
    if (ctx instanceof ElseStmtContext || ctx instanceof ElseIfStmtContext) {
      List<Stmt> orElse;
      if (ctx instanceof ElseIfStmtContext c) {
        orElse =
            List.of(
                new Stmt.If(exprs.expr(c.expr()), block(c.block()), Optional.empty(), true, pos));
      } else {
        orElse = block(((ElseStmtContext) ctx).block());
      }
      Optional<Stmt.If> joined =
          previous instanceof Stmt.If s ? s.withElse(orElse) : Optional.empty();
      if (joined.isPresent()) {
        out.set(out.size() - 1, joined.get());
      } else {
        error(pos, "'else' must follow an 'if' block");
      }
      return;
    }
    if (ctx instanceof CatchStmtContext c) {
      if (previous instanceof Stmt.Try || previous instanceof Stmt.Catch) {
        out.set(out.size() - 1, new Stmt.Catch(previous, ident(c.name()), block(c.block()), pos));
      } else {
        error(pos, "'catch' must follow a 'try' block");
      }
      return;
    }
    if (ctx instanceof OtherwiseStmtContext c) {
      if (previous != null) {
        out.set(out.size() - 1, new Stmt.Otherwise(previous, block(c.block()), pos));
      } else {
        error(pos, "'otherwise' must follow a statement");
      }
      return;
    }
    if (ctx instanceof ParStmtContext c) {
      Stmt right = single(c.statement());
      if (right == null) {
        return;
      }
      if (previous != null) {
        out.set(out.size() - 1, new Stmt.Par(previous, right, pos));
      } else {
        error(pos, "'par' must follow a statement to run in parallel with");
      }
      return;
    }
    Stmt stmt = statement(ctx);
    if (stmt != null) {
      out.add(stmt);
    }
  }

  /** The statement after a {@code par}/{@code co} prefix; it has nothing before it to attach to. */
  private Stmt single(StatementContext ctx) {
    if (ctx instanceof ElseStmtContext
        || ctx instanceof ElseIfStmtContext
        || ctx instanceof CatchStmtContext
        || ctx instanceof OtherwiseStmtContext
        || ctx instanceof ParStmtContext) {
      error(pos(ctx), "this statement cannot follow 'par' or 'co'");
      return null;
    }
    return statement(ctx);
  }

  private Stmt statement(StatementContext ctx) {
    nesting.enter(ctx);
    try {
      return statementUnguarded(ctx);
    } catch (NestingGuard.TooDeep e) {
      throw e;
    } catch (RuntimeException | AssertionError | LinkageError e) {
      // A compiler bug (see Diagnostic.internal): an error at this statement, never an exception.
      diagnostics.add(Diagnostic.internal(file, pos(ctx), e));
      return null;
    } finally {
      nesting.exit();
    }
  }

  private Stmt statementUnguarded(StatementContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof CoStmtContext c) {
      Stmt body = single(c.statement());
      return body == null ? null : new Stmt.Co(body, pos);
    }
    if (ctx instanceof OnStmtContext c) {
      List<Expr> via = c.expr().subList(1, c.expr().size()).stream().map(exprs::expr).toList();
      return new Stmt.On(exprs.expr(c.expr(0)), via, block(c.block()), pos);
    }
    if (ctx instanceof ForStmtContext c) {
      Stmt.ForMode mode = Stmt.ForMode.SEQ;
      if (c.forMode() != null) {
        mode =
            c.forMode().PAR() != null
                ? Stmt.ForMode.PAR
                : c.forMode().TRY() != null ? Stmt.ForMode.TRY : Stmt.ForMode.REC;
      }
      return new Stmt.For(ident(c.name()), exprs.expr(c.expr()), mode, block(c.block()), pos);
    }
    if (ctx instanceof ParseqStmtContext c) {
      List<Expr> via = c.expr().subList(2, c.expr().size()).stream().map(exprs::expr).toList();
      return new Stmt.ParSeq(
          ident(c.name()),
          exprs.expr(c.expr(0)),
          exprs.expr(c.expr(1)),
          via,
          block(c.block()),
          pos);
    }
    if (ctx instanceof IfStmtContext c) {
      return new Stmt.If(exprs.expr(c.expr()), block(c.block()), Optional.empty(), false, pos);
    }
    if (ctx instanceof TryStmtContext c) {
      return new Stmt.Try(block(c.block()), pos);
    }
    if (ctx instanceof ClosureStmtContext c) {
      return new Stmt.Closure(
          ident(c.anyName()),
          c.FUNC() != null,
          signature(c.arrowSignature()),
          block(c.block()),
          pos);
    }
    return simple(((SimpleStmtContext) ctx).simpleStatement());
  }

  private Stmt simple(SimpleStatementContext ctx) {
    Pos pos = pos(ctx);
    if (ctx instanceof ReturnStmtContext c) {
      return new Stmt.Return(c.expr().stream().map(exprs::expr).toList(), pos);
    }
    if (ctx instanceof DeclareStreamStmtContext c) {
      return new Stmt.DeclareStream(ident(c.name()), exprs.type(c.typeRef()), pos);
    }
    if (ctx instanceof AssignStmtContext c) {
      return new Stmt.Assign(ident(c.anyName()), exprs.expr(c.expr()), pos);
    }
    if (ctx instanceof PushStmtContext c) {
      return new Stmt.Push(ident(c.anyName()), exprs.expr(c.expr()), pos);
    }
    if (ctx instanceof JoinStmtContext c) {
      return new Stmt.Join(c.expr().stream().map(exprs::expr).toList(), pos);
    }
    if (ctx instanceof ServiceIdStmtContext c) {
      String name = String.join(".", c.UPPER_ID().stream().map(TerminalNode::getText).toList());
      return new Stmt.ServiceId(new Ident(name, pos(c.UPPER_ID(0))), exprs.expr(c.expr()), pos);
    }
    CallStmtContext c = (CallStmtContext) ctx;
    List<Ident> targets = c.anyName().stream().map(this::ident).toList();
    return new Stmt.Call(targets, exprs.expr(c.expr()), pos);
  }

  // ---------------------------------------------------------------- names and positions

  private Ident qualified(QualifiedNameContext ctx) {
    return new Ident(ctx.getText(), pos(ctx));
  }

  private Ident ident(ParserRuleContext ctx) {
    return new Ident(ctx.getText(), pos(ctx));
  }

  private Ident ident(TerminalNode node) {
    return new Ident(node.getText(), pos(node));
  }

  private static String string(TerminalNode node) {
    String text = node.getText();
    return text.substring(1, text.length() - 1);
  }

  static Pos pos(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    int length = 1;
    if (stop != null
        && stop.getLine() == start.getLine()
        && stop.getStopIndex() >= start.getStartIndex()) {
      length =
          stop.getCharPositionInLine() + stop.getText().length() - start.getCharPositionInLine();
    } else if (stop != null && start.getText() != null) {
      length = start.getText().length();
    }
    return new Pos(start.getLine(), start.getCharPositionInLine() + 1, length);
  }

  static Pos pos(TerminalNode node) {
    Token token = node.getSymbol();
    return new Pos(token.getLine(), token.getCharPositionInLine() + 1, token.getText().length());
  }

  private void error(Pos pos, String message) {
    diagnostics.add(new Diagnostic(file, pos, message));
  }
}
