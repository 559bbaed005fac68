package io.gyre.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportGuardTest {
  @Test
  void packagesUnderTheRootsPass() {
    assertEquals(
        List.of(),
        ImportGuard.check(
            """
            aqua A declares *
            import "@fluencelabs/aqua-lib/builtin.aqua"
            import Op, Peer from "@fluencelabs/aqua-lib/builtin"
            use "@fluencelabs/aqua-lib/math.aqua" as M
            func f() -> string:
                <- "/etc/passwd"
            """));
  }

  @Test
  void absolutePathsAndClimbingOutAreRefusedAtTheirLine() {
    List<ImportGuard.Refusal> refusals =
        ImportGuard.check(
            """
            aqua A declares *
            import "/etc/passwd"
            import "@fluencelabs/../../../../secret.aqua"
              use x from "~/keys.aqua" as K
            import "..\\\\up.aqua"
            import "ok/fine.aqua"
            """);
    assertEquals(List.of(2, 3, 4, 5), refusals.stream().map(ImportGuard.Refusal::line).toList());
    assertEquals(8, refusals.get(0).column());
    assertEquals("\"/etc/passwd\"".length(), refusals.get(0).length());
    assertTrue(
        refusals.get(0).message().contains("not \"/etc/passwd\""), refusals.get(0).message());
  }
}
