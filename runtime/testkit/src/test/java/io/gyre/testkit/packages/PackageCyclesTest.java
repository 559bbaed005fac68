package io.gyre.testkit.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.testkit.packages.PackageCycles.Cycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCyclesTest {
  @TempDir Path root;

  private void source(String packageName, String className, String body) throws IOException {
    Path dir = root.resolve(packageName.replace('.', '/'));
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(className + ".java"),
        "package " + packageName + ";\n\n" + body + "\nclass " + className + " {}\n");
  }

  @Test
  void anImportCycleIsReportedWithItsPathAndTheFilesThatMakeIt() throws IOException {
    source("app", "Main", "import app.bot.Bot;");
    source("app.bot", "Bot", "import static app.Main.VERBOSE;");
    source("app.chat", "Chat", "import app.Main;");
    source("app.chat", "Room", "import app.Main;");
    source("app", "Registry", "interface R { Class<?> c = app.chat.Room.class; }");

    AssertionError failure =
        assertThrows(AssertionError.class, () -> PackageCycles.assertNone(root));

    assertTrue(failure.getMessage().contains("app -> app.bot -> app"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("app/Main.java uses app.bot.Bot"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("app/bot/Bot.java uses app.Main.VERBOSE"),
        failure.getMessage());
    assertTrue(
        failure.getMessage().contains("packages that reach each other: [app, app.bot, app.chat]"),
        failure.getMessage());
  }

  @Test
  void aLongerCycleIsFoundThroughAQualifiedNameAndAWildcard() throws IOException {
    source("x.a", "A", "import x.b.*;");
    source("x.b", "B", "interface X { x.c.C field(); }");
    source("x.c", "C", "interface Y { Object o = x.a.A.class; }");

    assertEquals(
        List.of(new Cycle(List.of("x.a", "x.b", "x.c", "x.a"), Set.of("x.a", "x.b", "x.c"))),
        PackageCycles.find(PackageGraph.read(root)));
  }

  @Test
  void namesInCommentsAndStringsAreNotReferences() throws IOException {
    source("a", "A", "import b.B;");
    source(
        "b",
        "B",
        "/** Called from {@link a.A}. */ interface X { // a.A too\n"
            + " String s = \"a.A\"; String t = \"\"\"\n a.A\n \"\"\"; char q = '\"'; }");

    PackageCycles.assertNone(root);
  }

  @Test
  void aPackageAndItsOwnInternalsMayKnowEachOther() throws IOException {
    source("lib", "Api", "import lib.internal.Impl;");
    source("lib.internal", "Impl", "import lib.Api;");
    source("lib.internal.tables", "Table", "import lib.Api;");

    PackageCycles.assertNone(root);
  }

  @Test
  void anotherPackageInACycleWithSomeonesInternalsIsStillACycle() throws IOException {
    source("lib", "Api", "");
    source("lib.internal", "Impl", "import other.Helper;");
    source("other", "Helper", "import lib.Api;");

    assertEquals(
        List.of(List.of("lib", "other", "lib")),
        PackageCycles.find(PackageGraph.read(root)).stream().map(Cycle::path).toList());
  }

  @Test
  void importsOfOtherLibrariesAreNotEdges() throws IOException {
    source("a", "A", "import java.util.List;\nimport b.B;");
    source("b", "B", "import java.util.Map;");

    assertEquals(
        Map.of("a", Map.of("b", "a/A.java uses b.B"), "b", Map.of()),
        PackageGraph.read(root).edges());
  }

  @Test
  void aPackageGeneratedOutsideTheTreeIsNotMistakenForItsParent() throws IOException {
    source("x.lang", "Compiler", "import x.lang.parse.Parser;");
    source("x.lang.parse", "Parser", "import x.lang.grammar.Lexer;");

    PackageCycles.assertNone(root);
  }

  @Test
  void aMissingSourceDirectoryFailsRatherThanPassingEmpty() {
    assertThrows(
        IllegalArgumentException.class, () -> PackageCycles.assertNone(root.resolve("nope")));
  }

  /**
   * The testkit's own main code, and gyre-persistence's, which cannot take the testkit as a test
   * dependency (the testkit depends on it).
   */
  @Test
  void thisModuleAndPersistenceHaveNoPackageCycles() {
    PackageCycles.assertNone(Path.of("src/main/java"));
    PackageCycles.assertNone(Path.of("../persistence/src/main/java"));
  }
}
