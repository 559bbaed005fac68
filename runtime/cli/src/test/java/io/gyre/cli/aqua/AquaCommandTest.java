package io.gyre.cli.aqua;

import static io.gyre.cli.GyreRun.gyre;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.cli.GyreRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gyre aqua compile} and {@code gyre aqua check}, run in-process. */
class AquaCommandTest {
  private static final String PROGRAM =
      """
      aqua Hello declares *

      export hello, twice

      service Greeter("greeter"):
          greet(name: string) -> string

      data Pair:
          a: string
          b: u32

      func hello(name: string, p: string) -> string:
          on p:
              r <- Greeter.greet(name)
          <- r

      func twice(x: u32, tags: []string) -> Pair, []string:
          <- Pair(a = "x", b = x * 2), tags
      """;

  @Test
  void compileWritesOneJsonPerFileWithEveryExportedFunction(@TempDir Path dir) throws IOException {
    Path source = Files.writeString(dir.resolve("hello.aqua"), PROGRAM);
    GyreRun run = gyre("aqua", "compile", source.toString(), "-o", dir.resolve("out").toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/hello.json").toFile());
    assertEquals("Hello", json.path("module").asText());
    JsonNode hello = json.path("functions").path("hello");
    assertEquals("name", hello.path("arguments").get(0).path("name").asText());
    assertEquals("string", hello.path("arguments").get(0).path("type").asText());
    assertEquals("string", hello.path("results").get(0).asText());
    String air = hello.path("air").asText();
    assertTrue(air.contains("(call -p-arg- (\"greeter\" \"greet\") [-name-arg-] ret)"), air);
    JsonNode twice = json.path("functions").path("twice");
    assertEquals("[]string", twice.path("arguments").get(1).path("type").asText());
    assertEquals("Pair", twice.path("results").get(0).asText());
  }

  @Test
  void printWritesTheAirOfTheSelectedFunction(@TempDir Path dir) throws IOException {
    Path source = Files.writeString(dir.resolve("hello.aqua"), PROGRAM);
    GyreRun run = gyre("aqua", "compile", source.toString(), "--func", "twice", "--print");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("(xor\n"), run.out());
    assertTrue(
        run.out().contains("(call %init_peer_id% (\"math\" \"mul\") [-x-arg- 2] mul)"), run.out());
  }

  @Test
  void errorsGoToStderrWithPositionAndCaretAndExit1(@TempDir Path dir) throws IOException {
    Path source =
        Files.writeString(dir.resolve("bad.aqua"), PROGRAM.replace("greet(name)", "greet(nmae)"));
    GyreRun compile =
        gyre("aqua", "compile", source.toString(), "-o", dir.resolve("out").toString());
    assertEquals(1, compile.exitCode());
    assertTrue(compile.err().contains("bad.aqua:14:28: error: unknown name 'nmae'"), compile.err());
    assertTrue(compile.err().contains("^~~~"), compile.err());
    GyreRun check = gyre("aqua", "check", source.toString());
    assertEquals(1, check.exitCode());
    assertTrue(check.err().contains("1 error"), check.err());
  }

  @Test
  void checkExits0OnAValidFile(@TempDir Path dir) throws IOException {
    Path source = Files.writeString(dir.resolve("hello.aqua"), PROGRAM);
    GyreRun run = gyre("aqua", "check", source.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void deprecatedFormsCompileWithAWarningAtTheirPlace(@TempDir Path dir) throws IOException {
    String program = PROGRAM.replaceFirst("(?m)^aqua ", "module ");
    assertTrue(program.startsWith("module "), program);
    Path source = Files.writeString(dir.resolve("old.aqua"), program);
    GyreRun check = gyre("aqua", "check", source.toString());
    assertEquals(0, check.exitCode(), check.err());
    assertTrue(check.err().contains("old.aqua:"), check.err());
    assertTrue(check.err().contains(": warning: "), check.err());
    GyreRun compile = gyre("aqua", "compile", source.toString(), "--print", "--func", "hello");
    assertEquals(0, compile.exitCode(), compile.err());
    assertTrue(compile.err().contains(": warning: "), compile.err());
  }

  @Test
  void compileNeedsAnOutputOrPrint(@TempDir Path dir) throws IOException {
    Path source = Files.writeString(dir.resolve("hello.aqua"), PROGRAM);
    GyreRun run = gyre("aqua", "compile", source.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("-o DIR"), run.err());
  }

  @Test
  void overridableConstantsComeFromTheCommandLine(@TempDir Path dir) throws IOException {
    Path source =
        Files.writeString(
            dir.resolve("c.aqua"),
            "aqua C declares *\n\nexport get\n\nconst NAME ?= \"default\"\n\nfunc get() -> string:\n    <- NAME\n");
    GyreRun run = gyre("aqua", "compile", source.toString(), "--print", "--const", "NAME=given");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("[\"given\"]"), run.out());
  }
}
