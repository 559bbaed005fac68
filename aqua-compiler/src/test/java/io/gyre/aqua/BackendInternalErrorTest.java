package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.check.TypeChecker;
import io.gyre.aqua.check.Typing;
import io.gyre.aqua.resolve.ImportResolver;
import io.gyre.aqua.resolve.ModuleLoader;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.Resolver;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.testing.Compile;
import io.gyre.aqua.testing.Failing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure while generating a function outside any statement (its calling convention, placing,
 * printing) is reported at the function. It is provoked by parameter names that fail when read: the
 * function's prologue reads them before its first statement.
 */
class BackendInternalErrorTest {
  private static final String SOURCE =
      """
      aqua Main declares *

      export main

      func main(name: string) -> string:
          <- name
      """;

  @ParameterizedTest
  @MethodSource("io.gyre.aqua.testing.Failing#compilerBugs")
  void aCompilerBugIsAnErrorAtTheFunction(Throwable bug) throws Exception {
    FunctionBackend.Result result = generateMain(bug);

    assertTrue(result.function().isEmpty());
    assertEquals(1, result.diagnostics().size(), result.diagnostics()::toString);
    Diagnostic d = result.diagnostics().get(0);
    Failing.assertReportedAsBug(bug, "main.aqua", 5, 6, d.pos(), d.message());
    assertTrue(d.render().contains("5 | func main(name: string) -> string:"), d::render);
  }

  @Test
  void aFailingJvmIsNotTakenForACompilerBug() {
    OutOfMemoryError failure = Failing.jvmFailure();

    assertEquals(failure, assertThrows(OutOfMemoryError.class, () -> generateMain(failure)));
  }

  private static FunctionBackend.Result generateMain(Throwable failure) throws Exception {
    ModuleLoader.Loaded loaded =
        new ModuleLoader(new ImportResolver(List.of()), p -> null)
            .load(List.of(Compile.text("main.aqua", SOURCE)));
    Resolver.Program program = new Resolver(Map.of()).resolve(loaded);
    Typing typing = TypeChecker.check(program);
    ModuleScope scope = program.entries().get(0);
    Symbol.FuncDef main = scope.exported().get("main");
    Symbol.FuncDef failingMain = Failing.withParamNames(main, failure);
    List<FunctionBackend.Result> results =
        FunctionBackend.generate(
            List.of(new AquaCompiler.FunctionJob(scope, "main", failingMain)), typing);
    return results.get(0);
  }
}
