package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.testing.Compile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code use a as b from "path" as M}: the picked names are reached through {@code M} under the
 * names the {@code use} gives them, although the module's {@code declares} list names them
 * otherwise (Aqua 0.14.6 compiles {@code M.b} to the same AIR as {@code M.a} without the rename).
 */
class UseSelectionTest {
  @TempDir Path dir;

  @BeforeEach
  void library() throws Exception {
    Files.writeString(
        dir.resolve("shapes.aqua"),
        """
        aqua Shapes declares corners, SIDES, Painter

        const SIDES = 4

        service Painter("painter"):
            paint(n: u32) -> string

        func corners() -> u32:
            <- 4

        func hidden() -> u32:
            <- 0
        """);
  }

  @Test
  void aRenamedFunctionConstantAndServiceThroughTheModuleName() throws Exception {
    String renamed =
        air(
            """
            use corners as count, SIDES as N, Painter as Brush from "shapes.aqua" as Sh

            export draw

            func draw() -> u32, u32, string:
                c <- Sh.count()
                p <- Sh.Brush.paint(Sh.N)
                <- c, Sh.N, p
            """);
    String plain =
        air(
            """
            use corners, SIDES, Painter from "shapes.aqua" as Sh

            export draw

            func draw() -> u32, u32, string:
                c <- Sh.corners()
                p <- Sh.Painter.paint(Sh.SIDES)
                <- c, Sh.SIDES, p
            """);
    assertEquals(plain, renamed);
  }

  @Test
  void theOldNameIsNotReachableAfterARename() {
    CompileException e =
        assertThrows(
            CompileException.class,
            () ->
                air(
                    """
                    use corners as count from "shapes.aqua" as Sh

                    export draw

                    func draw() -> u32:
                        <- Sh.corners()
                    """));
    assertEquals(8, e.diagnostics().get(0).pos().line());
  }

  @Test
  void anUndeclaredNameCannotBePicked() {
    CompileException e =
        assertThrows(
            CompileException.class,
            () ->
                air(
                    """
                    use hidden as h from "shapes.aqua" as Sh

                    export draw

                    func draw() -> u32:
                        <- Sh.h()
                    """));
    assertEquals(3, e.diagnostics().get(0).pos().line());
  }

  private String air(String body) throws Exception {
    Path main = Files.writeString(dir.resolve("main.aqua"), "aqua Main\n\n" + body);
    return Compile.compiler()
        .compile(List.of(Compile.file(main)))
        .get(0)
        .function("draw")
        .orElseThrow()
        .air();
  }
}
