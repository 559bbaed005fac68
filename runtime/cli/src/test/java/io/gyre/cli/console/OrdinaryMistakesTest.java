package io.gyre.cli.console;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command given a missing file, a directory, a binary file or an output it cannot write says
 * so in one line and exits non-zero: no exception names, no stack trace (that is --verbose's).
 */
class OrdinaryMistakesTest {
  private static final String NO_PEER = "http://127.0.0.1:1";
  @TempDir Path dir;
  private Path missing;
  private Path directory;
  private Path binary;

  /** Each command, given the file it reads. */
  private static final List<Function<Path, String[]>> COMMANDS =
      List.of(
          f -> new String[] {"aqua", "compile", f.toString(), "--print"},
          f -> new String[] {"aqua", "check", f.toString()},
          f -> new String[] {"run", f.toString(), "-f", "main", "--peer", NO_PEER},
          f -> new String[] {"air", "simulate", f.toString()},
          f -> new String[] {"air", "parse", f.toString()},
          f -> new String[] {"wasm", "call", f.toString(), "main"},
          f -> new String[] {"wasm", "describe", f.toString()},
          f -> new String[] {"service", "deploy", f.toString(), "--peer", NO_PEER},
          f -> new String[] {"run", "x.aqua", "-f", "main", "--args", "@" + f, "--peer", NO_PEER},
          f -> new String[] {"node", "--config", f.toString(), "--data-dir", f + "-data"});

  @BeforeEach
  void files() throws Exception {
    missing = dir.resolve("missing.aqua");
    directory = Files.createDirectory(dir.resolve("a-directory"));
    binary = dir.resolve("binary.aqua");
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    Files.write(binary, noise);
  }

  private static void assertOneLine(GyreRun run, String what) {
    String all = run.err() + run.out();
    assertNotEquals(0, run.exitCode(), what + ": " + all);
    assertFalse(all.contains("Exception"), what + ": " + all);
    assertFalse(all.lines().anyMatch(l -> l.trim().startsWith("at io.")), what + ": " + all);
    assertFalse(all.lines().anyMatch(l -> l.trim().startsWith("at ")), what + ": " + all);
    assertFalse(all.isBlank(), what + " says nothing");
  }

  @Test
  void aMissingFileADirectoryOrABinaryFileIsOneLine() {
    List<String> checked = new ArrayList<>();
    for (Function<Path, String[]> command : COMMANDS) {
      for (Path file : List.of(missing, directory, binary)) {
        String[] args = command.apply(file);
        assertOneLine(gyre(args), String.join(" ", args));
        checked.add(args[0]);
      }
    }
    assertTrue(checked.size() >= 30, checked.toString());
  }

  @Test
  void anOutputThatCannotBeWrittenIsOneLine() throws Exception {
    Path source = dir.resolve("ok.aqua");
    Files.writeString(source, "aqua Ok\n\nexport main\n\nfunc main() -> string:\n  <- \"ok\"\n");
    Path file = Files.writeString(dir.resolve("taken.json"), "{}");

    assertOneLine(gyre("aqua", "compile", source.toString(), "-o", file.toString()), "-o FILE");
    assertOneLine(
        gyre("aqua", "compile", source.toString(), "-o", file.resolve("below").toString()),
        "-o under a file");
  }

  @Test
  void verboseAddsTheStackTrace() {
    GyreRun run = gyre("--verbose", "wasm", "call", directory.toString(), "main");
    assertNotEquals(0, run.exitCode());
    assertTrue(run.err().contains("is a directory"), run.err());
    assertTrue(run.err().contains("at io.gyre"), run.err());
  }
}
