package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.air.syntax.AirParser;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.testing.Compile;
import io.gyre.aqua.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Aqua nobody here wrote: every .aqua file of the published packages (aqua-lib, registry, spell,
 * trust-graph, aqua-ipfs; installed from npm into the cache) compiles unchanged, and the AIR of
 * each exported function parses. Registry and trust-graph still use forms Aqua 0.14.6 refuses (the
 * {@code module} header, headerless imports, {@code x: ?T}); those compile with warnings.
 */
class PublishedPackagesTest {

  @TestFactory
  Stream<DynamicTest> everyFileCompilesAndItsAirParses() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (String spec : TestFiles.NPM_PACKAGES) {
      List<Path> files;
      try (Stream<Path> s = Files.list(TestFiles.npmPackage(spec))) {
        files = s.filter(p -> p.toString().endsWith(".aqua")).sorted().toList();
      }
      assertTrue(files.size() >= 2, spec + " has Aqua files: " + files);
      for (Path f : files) {
        tests.add(DynamicTest.dynamicTest(spec + " " + f.getFileName(), () -> compiles(f)));
      }
    }
    return tests.stream();
  }

  private static void compiles(Path file) throws Exception {
    List<CompiledModule> modules;
    try {
      modules = Compile.compiler().compile(List.of(Compile.file(file)));
    } catch (CompileException e) {
      throw new AssertionError(
          String.join("\n", e.diagnostics().stream().map(Diagnostic::render).toList()));
    }
    assertEquals(1, modules.size());
    for (CompiledFunction f : modules.get(0).functions()) {
      assertDoesNotThrow(() -> AirParser.parse(f.air()), () -> f.name() + ":\n" + f.air());
    }
  }
}
