package io.gyre.cli.air;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyre air parse}, run in-process. */
class AirParseCommandTest {

  @Test
  void printsTheInstructionTree(@TempDir Path dir) throws IOException {
    Path air =
        Files.writeString(
            dir.resolve("ok.air"),
            "(seq\n (call %init_peer_id% (\"svc\" \"f\") [] x)\n (xor (ap x $s) (fail :error:)))");
    GyreRun run = gyre("air", "parse", air.toString());
    assertEquals(0, run.exitCode());
    assertEquals(
        "seq  #0\n"
            + "  call %init_peer_id% (\"svc\" \"f\") [] x  #1\n"
            + "  xor  #3\n"
            + "    ap x $s  #4\n"
            + "    catch: fail :error:  #5\n",
        run.out());
  }

  @Test
  void reportsTheErrorWithFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path air =
        Files.writeString(
            dir.resolve("bad.air"), "(seq\n  (call \"p\" (\"s\" \"f\") [x])\n  (null))");
    GyreRun run = gyre("air", "parse", air.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith(air + ":2:3: variable 'x' wasn't defined\n"), run.err());
    assertTrue(run.err().contains("(call \"p\""));
  }

  @Test
  void aMissingFileIsReported(@TempDir Path dir) {
    GyreRun run = gyre("air", "parse", dir.resolve("nope.air").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("cannot read"));
  }
}
