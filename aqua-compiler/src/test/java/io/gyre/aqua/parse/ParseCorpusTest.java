package io.gyre.aqua.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.gyre.aqua.ast.Module;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import io.gyre.aqua.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ParseCorpusTest {

  @TestFactory
  Stream<DynamicTest> everyAquaLibFileParses() throws Exception {
    Path lib = TestFiles.aquaLib();
    List<Path> files;
    try (Stream<Path> s = Files.list(lib)) {
      files = s.filter(p -> p.toString().endsWith(".aqua")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> parse(f)));
  }

  @TestFactory
  Stream<DynamicTest> everyValidCaseParses() throws Exception {
    return TestFiles.conformanceCases().stream()
        .filter(
            c ->
                !c.getFileName().toString().contains("-ce-")
                    || c.getFileName().toString().contains("unknown"))
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.getFileName().toString(), () -> parse(c.resolve("case.aqua"))));
  }

  private static Module parse(Path file) throws Exception {
    SourceFile source = new SourceFile(file, file.getFileName().toString(), Files.readString(file));
    try {
      Module m = AquaSourceParser.parse(source);
      assertFalse(m.decls().isEmpty());
      return m;
    } catch (CompileException e) {
      assertEquals(List.of(), e.diagnostics().stream().map(d -> d.render()).toList());
      throw e;
    }
  }
}
