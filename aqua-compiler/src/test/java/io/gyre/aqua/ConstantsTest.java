package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.model.Value;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.testing.Compile;
import io.gyre.aqua.testing.TestFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code const} values as Aqua 0.14.6 accepts them: besides literals, {@code nil} and other
 * constants, a built-in value ({@code const ON_PEER ?= HOST_PEER_ID}, seen in published Aqua), which
 * then means exactly what the built-in written in its place means.
 */
class ConstantsTest {
  private static final String BODY =
      """

      service Echo("echo"):
          echo(s: string) -> string

      func where(x: string) -> string, string, u32, u64, string:
          on TARGET:
              y <- Echo.echo(x)
          try:
              Echo.echo(y)
          catch e:
              Echo.echo(x)
          <- CALLER, SAME_CALLER, TTL, STARTED, FAILURE.message
      """;

  @Test
  void aConstantMayNameABuiltInValue() throws Exception {
    String viaConstants =
        """
        aqua Consts

        export where

        const TARGET ?= HOST_PEER_ID
        const CALLER = INIT_PEER_ID
        const SAME_CALLER = CALLER
        const TTL = PARTICLE_TTL
        const STARTED = PARTICLE_TIMESTAMP
        const FAILURE = LAST_ERROR
        """
            + BODY;
    String spelledOut =
        """
        aqua Consts

        export where
        """
            + BODY
                .replace("on TARGET:", "on HOST_PEER_ID:")
                .replace(
                    "<- CALLER, SAME_CALLER, TTL, STARTED, FAILURE.message",
                    "<- INIT_PEER_ID, INIT_PEER_ID, PARTICLE_TTL, PARTICLE_TIMESTAMP,"
                        + " LAST_ERROR.message");
    String air = air(viaConstants, Map.of());
    assertEquals(air(spelledOut, Map.of()), air);
    assertTrue(air.contains("(call -relay- (\"echo\" \"echo\") [-x-arg-] ret)"), air);
  }

  @Test
  void anOverridableBuiltInConstantTakesTheOverride() throws Exception {
    String source =
        """
        aqua Consts

        export where

        const TARGET ?= HOST_PEER_ID
        const CALLER = INIT_PEER_ID
        const SAME_CALLER = CALLER
        const TTL = PARTICLE_TTL
        const STARTED = PARTICLE_TIMESTAMP
        const FAILURE = LAST_ERROR
        """
            + BODY;
    String air = air(source, Map.of("TARGET", Value.Literal.string("12D3KooWother")));
    assertTrue(air.contains("(call \"12D3KooWother\" (\"echo\" \"echo\") [-x-arg-] ret)"), air);
  }

  @Test
  void anExpressionIsStillNotAConstant() {
    String source =
        """
        aqua Consts

        const TARGET = HOST_PEER_ID
        const CALLER = "a" + 2
        """;
    CompileException e = assertThrows(CompileException.class, () -> air(source, Map.of()));
    assertEquals(4, e.diagnostics().get(0).pos().line());
  }

  private static String air(String source, Map<String, Value.Literal> constants) throws Exception {
    AquaCompiler compiler =
        new AquaCompiler(new CompileOptions(List.of(TestFiles.npmPrefix()), constants));
    return compiler
        .compile(List.of(Compile.text("consts.aqua", source)))
        .get(0)
        .function("where")
        .orElseThrow()
        .air();
  }
}
