package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.testing.Compile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Forms Aqua 0.14.6 refuses but published packages still use compile, each with a warning at the
 * deprecated text: a missing header, the {@code module} keyword, {@code x: ?T} declaring a stream.
 */
class DeprecatedFormsTest {

  @Test
  void aMissingHeaderIsAWarning() throws Exception {
    CompiledModule m =
        Compile.module(Compile.text("main.aqua", "func main() -> string:\n    <- \"x\"\n"));
    Diagnostic w = only(m.warnings());
    assertEquals(1, w.pos().line());
    assertTrue(w.message().contains("missing header"), w::render);
    assertTrue(w.render().startsWith("main.aqua:1:1: warning: "), w::render);
  }

  @Test
  void theModuleKeywordIsAWarning() throws Exception {
    CompiledModule m =
        Compile.module(
            Compile.text(
                "main.aqua",
                "module Old declares *\n\nexport main\n\nfunc main() -> string:\n    <- \"x\"\n"));
    Diagnostic w = only(m.warnings());
    assertEquals(1, w.pos().line());
    assertEquals(1, w.pos().column());
    assertTrue(w.message().contains("'module' is deprecated: write 'aqua Old'"), w::render);
    assertEquals(1, m.functions().size());
  }

  @Test
  void anOptionDeclarationIsAStreamWithAWarning() throws Exception {
    String source =
        """
        aqua Main declares *

        export main

        func main(xs: []string) -> ?string, bool:
            result: ?string
            for x <- xs:
                result <<- x
            <- result, result == nil
        """;
    CompiledModule m = Compile.module(Compile.text("main.aqua", source));
    Diagnostic w = only(m.warnings());
    assertEquals(6, w.pos().line());
    assertTrue(w.message().contains("write 'result: *string'"), w::render);
    String air = m.function("main").orElseThrow().air();
    assertTrue(air.contains("(ap x-0 $result)"), air);
  }

  @Test
  void aWellFormedFileHasNoWarnings() throws Exception {
    CompiledModule m =
        Compile.module(
            Compile.text(
                "main.aqua",
                "aqua Main declares *\n\nexport main\n\nfunc main() -> string:\n    <- \"x\"\n"));
    assertEquals(List.of(), m.warnings());
  }

  private static Diagnostic only(List<Diagnostic> warnings) {
    assertEquals(1, warnings.size(), warnings::toString);
    assertEquals(Diagnostic.Severity.WARNING, warnings.get(0).severity());
    return warnings.get(0);
  }
}
