package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
 * A failure in the analysis that no stage reports itself (here: resolving an import) is reported at
 * the start of the file being compiled. It is provoked by an import root that fails when used.
 */
class AnalysisInternalErrorTest {
  private static final String SOURCE =
      """
      aqua Main declares *

      import "elsewhere.aqua"

      export main

      func main() -> string:
          <- "x"
      """;

  @ParameterizedTest
  @MethodSource("io.gyre.aqua.testing.Failing#compilerBugs")
  void aCompilerBugIsAnErrorAtTheFile(Throwable bug) {
    CompileException e = assertThrows(CompileException.class, () -> compileWithImportRoot(bug));

    assertEquals(1, e.diagnostics().size(), e::getMessage);
    Diagnostic d = e.diagnostics().get(0);
    Failing.assertReportedAsBug(bug, "main.aqua", 1, 1, d.pos(), d.message());
  }

  @Test
  void aFailingJvmIsNotTakenForACompilerBug() {
    OutOfMemoryError failure = Failing.jvmFailure();

    assertEquals(
        failure, assertThrows(OutOfMemoryError.class, () -> compileWithImportRoot(failure)));
  }

  private static void compileWithImportRoot(Throwable failure) throws CompileException {
    new AquaCompiler(new CompileOptions(List.of(Failing.path(failure)), Map.of()))
        .compile(List.of(Compile.text("main.aqua", SOURCE)));
  }
}
