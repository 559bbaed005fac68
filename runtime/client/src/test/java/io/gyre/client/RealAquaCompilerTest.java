package io.gyre.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper the apps check their Aqua with: it reports what the real compiler says, mistakes
 * included, and resolves aqua-lib imports for both compilers alike.
 */
class RealAquaCompilerTest {
  @TempDir Path dir;

  @Test
  void anAquaLibImportResolvesForBothCompilers() throws Exception {
    Path file = dir.resolve("uses-lib.aqua");
    Files.writeString(
        file,
        """
        aqua UsesLib

        export hello, now

        import "@fluencelabs/aqua-lib/builtin.aqua"

        func hello(name: string) -> string:
          greeting <- Op.concat_strings("hello ", name)
          <- greeting

        func now() -> u64:
          on HOST_PEER_ID:
            t <- Peer.timestamp_ms()
          <- t
        """);

    RealAquaCompiler.Result real = RealAquaCompiler.compile(file);

    assertEquals(List.of(), real.errors());
    assertEquals(Set.of("hello", "now"), real.functions().keySet());
    assertTrue(
        real.functions().get("hello").contains("(\"op\" \"concat_strings\")"),
        real.functions().get("hello"));
    Set<String> gyre =
        AquaFunctions.compile(List.of(file), RealAquaCompiler.importRoots()).stream()
            .map(AquaFunction::name)
            .collect(Collectors.toSet());
    assertEquals(gyre, real.functions().keySet());
  }

  @Test
  void aMistakeIsReportedAtItsLineWithNoFunctions() throws Exception {
    Path file = dir.resolve("mistaken.aqua");
    Files.writeString(
        file,
        """
        aqua Mistaken

        export f

        func f() -> string:
          <- missing
        """);

    RealAquaCompiler.Result real = RealAquaCompiler.compile(file);

    assertTrue(
        real.errors().stream()
            .anyMatch(e -> e.contains("mistaken.aqua:6:6") && e.contains("'missing'")),
        real.errors().toString());
    assertTrue(real.functions().isEmpty(), real.functions().toString());
  }
}
