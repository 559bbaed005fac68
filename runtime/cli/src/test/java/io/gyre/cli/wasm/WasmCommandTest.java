package io.gyre.cli.wasm;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.cli.GyreRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `gyre wasm call` and `gyre wasm describe`, run in-process on the example modules. */
class WasmCommandTest {

  @TempDir Path dir;

  private Path example(String name) throws IOException {
    Path file = dir.resolve(name.replace('/', '_') + ".wasm");
    try (InputStream in = getClass().getResourceAsStream("/wasm/" + name + ".wasm")) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void callPrintsTheResultAndReportsFuelAndLog() throws IOException {
    GyreRun run = gyre("wasm", "call", example("kv").toString(), "put", "[\"k\", \"v\"]");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("true", run.out().strip());
    assertTrue(run.err().contains("[info] put"), run.err());
    assertTrue(run.err().matches("(?s).*fuel: \\d+.*"), run.err());
  }

  @Test
  void aWasiCommandIsCalledThroughStart() throws IOException {
    GyreRun run = gyre("wasm", "call", example("sha256").toString(), "_start", "[\"abc\"]");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"", run.out().strip());
  }

  @Test
  void helpersAreLinkedByName() throws IOException {
    GyreRun run =
        gyre(
            "wasm",
            "call",
            "--helper",
            "greeting=" + example("greeting"),
            example("shout").toString(),
            "shout",
            "[\"Bob\"]");
    assertEquals("\"HELLO, BOB!\"", run.out().strip(), run.err());
  }

  @Test
  void limitFlagsApplyAndABrokenLimitExitsWithOne() throws IOException {
    GyreRun run =
        gyre("wasm", "call", "--fuel", "1000", example("broken/misbehaving").toString(), "spin");
    assertEquals(1, run.exitCode());
    assertTrue(
        run.err().contains("error: FUEL_LIMIT: fuel limit: the call used all of its 1000 units"),
        run.err());
    GyreRun deep =
        gyre(
            "wasm",
            "call",
            "--stack-depth",
            "10",
            example("broken/misbehaving").toString(),
            "recurse");
    assertTrue(deep.err().contains("STACK_DEPTH_LIMIT"), deep.err());
  }

  @Test
  void aRefusedModuleExitsWithTwo() throws IOException {
    GyreRun run = gyre("wasm", "call", example("broken/no_alloc").toString(), "hello");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("module does not export \"alloc\""), run.err());
    GyreRun missing = gyre("wasm", "describe", dir.resolve("absent.wasm").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void describePrintsTheAquaDeclaration() throws IOException {
    GyreRun run = gyre("wasm", "describe", example("kv").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("abi:       gyre"), run.out());
    assertTrue(run.out().contains("imports:   gyre.fail, gyre.log"), run.out());
    assertTrue(
        run.out()
            .contains(
                "service Kv:\n"
                    + "  put(key: string, value: string) -> bool\n"
                    + "  get(key: string) -> ?string\n"
                    + "  size() -> u32\n"),
        run.out());
  }
}
