package io.gyre.aqua.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Stmt;
import io.gyre.aqua.check.Callee;
import io.gyre.aqua.check.TypeChecker;
import io.gyre.aqua.check.Typing;
import io.gyre.aqua.check.Typings;
import io.gyre.aqua.resolve.ImportResolver;
import io.gyre.aqua.resolve.ModuleLoader;
import io.gyre.aqua.resolve.Resolver;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.testing.Compile;
import io.gyre.aqua.testing.Failing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure inside the compiler is reported as a diagnostic at the statement being compiled, never
 * thrown. The failure is provoked by lowering a function without the type checker's findings (the
 * literal assignment needs none, the service call does), or with a call that the findings send to a
 * function whose parameter names fail when read.
 */
class InternalErrorTest {

  @Test
  void aCompilerBugIsAnErrorAtTheStatementItHit() throws Exception {
    String source =
        """
        aqua Main declares *

        export main

        service Srv("srv"):
            get() -> string

        func main() -> string:
            x = "first"
            r <- Srv.get()
            <- r
        """;
    ModuleLoader.Loaded loaded =
        new ModuleLoader(new ImportResolver(List.of()), p -> null)
            .load(List.of(Compile.text("main.aqua", source)));
    Resolver.Program program = new Resolver(Map.of()).resolve(loaded);
    Symbol.FuncDef main = program.entries().get(0).exported().get("main");

    CompileException e =
        assertThrows(CompileException.class, () -> FunctionLowerer.lower(main, new Typing()));

    Diagnostic d = e.diagnostics().get(0);
    assertEquals(10, d.pos().line(), d::render);
    assertEquals(5, d.pos().column(), d::render);
    assertTrue(d.message().startsWith("internal compiler error at main.aqua:10:5: "), d::render);
    assertTrue(d.message().endsWith(", please report"), d::render);
    assertTrue(d.render().contains("10 |     r <- Srv.get()"), d::render);
  }

  private static final String CALLS_HELPER =
      """
      aqua Main declares *

      export main

      func helper(s: string) -> string:
          <- s

      func main() -> string:
          x = "first"
          r <- helper(x)
          <- r
      """;

  @ParameterizedTest
  @MethodSource("io.gyre.aqua.testing.Failing#compilerBugs")
  void everyCompilerBugIsAnErrorAtTheStatementItHit(Throwable bug) throws Exception {
    CompileException e =
        assertThrows(CompileException.class, () -> lowerMainCallingAFailingHelper(bug));

    Diagnostic d = e.diagnostics().get(0);
    Failing.assertReportedAsBug(bug, "main.aqua", 10, 5, d.pos(), d.message());
  }

  @Test
  void aFailingJvmIsNotTakenForACompilerBug() {
    OutOfMemoryError failure = Failing.jvmFailure();

    assertEquals(
        failure,
        assertThrows(OutOfMemoryError.class, () -> lowerMainCallingAFailingHelper(failure)));
  }

  private static void lowerMainCallingAFailingHelper(Throwable failure) throws Exception {
    ModuleLoader.Loaded loaded =
        new ModuleLoader(new ImportResolver(List.of()), p -> null)
            .load(List.of(Compile.text("main.aqua", CALLS_HELPER)));
    Resolver.Program program = new Resolver(Map.of()).resolve(loaded);
    Typing typing = TypeChecker.check(program);
    Symbol.FuncDef main = program.entries().get(0).exported().get("main");
    Expr call = ((Stmt.Call) main.decl().body().get(1)).call();
    Callee.Function helper = (Callee.Function) typing.callee(call);
    Symbol.FuncDef failing = Failing.withParamNames(helper.function(), failure);
    Typings.redirect(typing, call, new Callee.Function(failing, helper.type()));
    FunctionLowerer.lower(main, typing);
  }
}
