package io.gyre.aqua.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.check.Typing;
import io.gyre.aqua.resolve.ImportResolver;
import io.gyre.aqua.resolve.ModuleLoader;
import io.gyre.aqua.resolve.Resolver;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.testing.Compile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the compiler is reported as a diagnostic at the statement being compiled, never
 * thrown. The failure is provoked by lowering a function without the type checker's findings: the
 * literal assignment needs none, the service call does.
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
}
