package io.gyre.aqua.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gyre.aqua.resolve.ImportResolver;
import io.gyre.aqua.resolve.ModuleLoader;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.Resolver;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.testing.Compile;
import io.gyre.aqua.testing.Failing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure inside the type checker is reported at the statement being checked. It is provoked by
 * checking a body against result types that fail when read: the {@code <-} statement reads them.
 */
class CheckerInternalErrorTest {
  private static final String SOURCE =
      """
      aqua Main declares *

      export main

      func main() -> string:
          x = "first"
          <- x
      """;

  private record Reported(Pos pos, String message) {}

  @ParameterizedTest
  @MethodSource("io.gyre.aqua.testing.Failing#compilerBugs")
  void aCompilerBugIsAnErrorAtTheStatementItHit(Throwable bug) throws Exception {
    List<Reported> reported = new ArrayList<>();

    assertThrows(StmtChecker.Stopped.class, () -> checkMain(Failing.list(1, bug), reported));

    assertEquals(1, reported.size(), reported::toString);
    Reported r = reported.get(0);
    Failing.assertReportedAsBug(bug, "main.aqua", 7, 5, r.pos(), r.message());
  }

  @Test
  void aFailingJvmIsNotTakenForACompilerBug() {
    OutOfMemoryError failure = Failing.jvmFailure();
    List<Reported> reported = new ArrayList<>();

    OutOfMemoryError thrown =
        assertThrows(OutOfMemoryError.class, () -> checkMain(Failing.list(1, failure), reported));

    assertEquals(failure, thrown);
    assertEquals(List.of(), reported);
  }

  private static void checkMain(List<io.gyre.aqua.types.Type> results, List<Reported> reported)
      throws Exception {
    ModuleLoader.Loaded loaded =
        new ModuleLoader(new ImportResolver(List.of()), p -> null)
            .load(List.of(Compile.text("main.aqua", SOURCE)));
    ModuleScope scope = new Resolver(Map.of()).resolve(loaded).entries().get(0);
    Symbol.FuncDef main = scope.exported().get("main");
    int order = scope.module().decls().indexOf(main.decl());
    StmtChecker checker =
        new StmtChecker(
            scope, order, new Typing(), (pos, message) -> reported.add(new Reported(pos, message)));
    checker.body(main.decl().body(), results, new Locals(null), main.pos());
  }
}
