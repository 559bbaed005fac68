package io.gyre.air.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCasesTest {

  @Test
  void theSharedCorpusLoadsWithRunnableAndCompileErrorCases() {
    List<ConformanceCase> cases = ConformanceCases.load();
    assertTrue(cases.stream().anyMatch(ConformanceCase::runnable));
    assertTrue(cases.stream().anyMatch(ConformanceCase::compileError));
    for (ConformanceCase kase : cases) {
      assertTrue(
          kase.runnable() != kase.compileError(),
          kase.id() + " is either runnable or a compile error");
    }
    ConformanceCase forPar =
        cases.stream().filter(c -> c.id().equals("17-for-par-join")).findFirst().orElseThrow();
    assertEquals("for-par-join", forPar.name());
    assertFalse(forPar.orderSensitive());
    assertEquals(2, forPar.responseArity());
  }

  @Test
  void aConfiguredDirectoryWins(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("01-x"));
    Files.writeString(
        dir.resolve("01-x/case.json"), "{\"expected\": {\"compile_error\": true, \"line\": 3}}");
    String before = System.getProperty(ConformanceCases.PROPERTY);
    System.setProperty(ConformanceCases.PROPERTY, dir.toString());
    try {
      List<ConformanceCase> cases = ConformanceCases.load();
      assertEquals(1, cases.size());
      assertEquals("01-x", cases.get(0).name(), "no name: the directory names the case");
      assertTrue(cases.get(0).orderSensitive(), "order-sensitive unless the case says false");
      assertEquals(1, cases.get(0).responseArity());
    } finally {
      if (before == null) {
        System.clearProperty(ConformanceCases.PROPERTY);
      } else {
        System.setProperty(ConformanceCases.PROPERTY, before);
      }
    }
  }

  @Test
  void aMissingOrEmptyCorpusFailsLoudly(@TempDir Path dir) {
    String before = System.getProperty(ConformanceCases.PROPERTY);
    try {
      System.setProperty(ConformanceCases.PROPERTY, dir.resolve("nope").toString());
      assertTrue(
          assertThrows(IllegalStateException.class, ConformanceCases::load)
              .getMessage()
              .startsWith("conformance cases not found at "));
      System.setProperty(ConformanceCases.PROPERTY, dir.toString());
      assertTrue(
          assertThrows(IllegalStateException.class, ConformanceCases::load)
              .getMessage()
              .startsWith("no conformance cases"));
    } finally {
      if (before == null) {
        System.clearProperty(ConformanceCases.PROPERTY);
      } else {
        System.setProperty(ConformanceCases.PROPERTY, before);
      }
    }
  }
}
