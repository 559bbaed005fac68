package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.testing.Compile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gyre's extensions to Aqua 0.14.6 mean exactly what their spelled-out forms mean. */
class ExtensionsTest {
  private static final String HEAD =
      """
      aqua Ext declares *

      export classify

      func classify(n: i64) -> string:
          res: *string
      """;

  @Test
  void elseIfIsAnIfInsideElse() throws Exception {
    String chained =
        HEAD
            + """
            if n < 0:
                res <<- "negative"
            else if n == 0:
                res <<- "zero"
            else if n < 10:
                res <<- "small"
            else:
                res <<- "big"
            <- res!
        """;
    String nested =
        HEAD
            + """
            if n < 0:
                res <<- "negative"
            else:
                if n == 0:
                    res <<- "zero"
                else:
                    if n < 10:
                        res <<- "small"
                    else:
                        res <<- "big"
            <- res!
        """;
    assertEquals(air(nested), air(chained));
  }

  @Test
  void elseIfWithoutElse() throws Exception {
    String chained =
        HEAD
            + """
            if n < 0:
                res <<- "negative"
            else if n == 0:
                res <<- "zero"
            <- res!
        """;
    String nested =
        HEAD
            + """
            if n < 0:
                res <<- "negative"
            else:
                if n == 0:
                    res <<- "zero"
            <- res!
        """;
    assertEquals(air(nested), air(chained));
  }

  @Test
  void anElseAfterAFinishedChainIsStillAnError() {
    String source =
        HEAD
            + """
            if n < 0:
                res <<- "negative"
            else:
                res <<- "other"
            else:
                res <<- "again"
            <- res!
        """;
    CompileException e = assertThrows(CompileException.class, () -> air(source));
    assertEquals(11, e.diagnostics().get(0).pos().line());
  }

  private static String air(String source) throws Exception {
    return Compile.compiler()
        .compile(List.of(Compile.text("ext.aqua", source)))
        .get(0)
        .function("classify")
        .orElseThrow()
        .air();
  }
}
