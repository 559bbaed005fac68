package io.gyre.aqua.check;

import io.gyre.aqua.ast.Decl;
import io.gyre.aqua.ast.Ident;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.Resolver;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every function body of every module, reporting all errors it finds (several per run), and
 * returns what it learnt for the lowering stage.
 */
public final class TypeChecker {
  private TypeChecker() {}

  public static Typing check(Resolver.Program program) throws CompileException {
    Typing typing = new Typing();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (ModuleScope module : program.modules()) {
      List<Decl> decls = module.module().decls();
      for (Symbol.FuncDef f : module.functions()) {
        int order = indexOf(decls, f.decl());
        StmtChecker checker =
            new StmtChecker(
                module,
                order,
                typing,
                (pos, msg) -> diagnostics.add(new Diagnostic(module.module().source(), pos, msg)));
        Locals locals = new Locals(null);
        for (int i = 0; i < f.abilities().size(); i++) {
          Ident name = f.decl().abilities().get(i);
          locals.define(name.name(), f.abilities().get(i));
        }
        List<Type> params = f.type().params();
        for (int i = 0; i < params.size(); i++) {
          locals.define(f.paramNames().get(i), params.get(i));
        }
        try {
          checker.body(f.decl().body(), f.type().results(), locals, f.pos());
        } catch (StmtChecker.Stopped e) {
          // reported at its statement; the function's other statements are not checked
        } catch (RuntimeException
            | AssertionError
            | LinkageError e) { // a compiler bug: see Diagnostic.internal
          diagnostics.add(Diagnostic.internal(module.module().source(), f.pos(), e));
        }
      }
    }
    if (!diagnostics.isEmpty()) {
      diagnostics.sort(
          java.util.Comparator.comparingInt((Diagnostic d) -> d.pos().line())
              .thenComparingInt(d -> d.pos().column()));
      throw new CompileException(diagnostics);
    }
    return typing;
  }

  /** Position of a declaration in its file (by identity: declarations are compared by content). */
  private static int indexOf(List<Decl> decls, Decl decl) {
    for (int i = 0; i < decls.size(); i++) {
      if (decls.get(i) == decl) {
        return i;
      }
    }
    return -1;
  }
}
