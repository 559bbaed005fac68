package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gyre.aqua.testing.Compile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The functions compiled with a module, as Aqua 0.14.6 chooses them: besides the module's own {@code
 * export} list, the exported functions an {@code import} brings in (checked name by name against
 * aqua-api 0.14.6 on the same files).
 */
class ReexportsTest {
  @TempDir Path dir;

  @BeforeEach
  void library() throws Exception {
    write(
        "deep.aqua",
        """
        aqua Deep declares *

        export deep

        func deep() -> string:
            <- "deep"
        """);
    write(
        "lib.aqua",
        """
        aqua Lib declares *

        import "deep.aqua"

        export shown, inner as renamed

        func shown() -> string:
            <- "shown"

        func hidden() -> string:
            <- "hidden"

        func inner() -> string:
            <- "inner"
        """);
    write(
        "narrow.aqua",
        """
        aqua Narrow declares shown

        export shown, other

        func shown() -> string:
            <- "shown"

        func other() -> string:
            <- "other"
        """);
    write(
        "silent.aqua",
        """
        aqua Silent

        import "lib.aqua"

        export own

        func own() -> string:
            <- "own"
        """);
  }

  @Test
  void importingAModuleCompilesWhatItExportsAndReexports() throws Exception {
    assertEquals(
        List.of("deep", "main", "renamed", "shown"),
        functions("import \"lib.aqua\"", "export main"));
  }

  @Test
  void withoutAnExportListOnlyTheImportedExportsAreCompiled() throws Exception {
    assertEquals(List.of("deep", "renamed", "shown"), functions("import \"lib.aqua\"", ""));
  }

  @Test
  void importingByNameCompilesThoseNamesUnderTheirExportedNames() throws Exception {
    assertEquals(
        List.of("deep", "main", "renamed"),
        functions("import inner, hidden, deep from \"lib.aqua\"", "export main"));
  }

  @Test
  void aRenamedImportOrUseCompilesNothingMore() throws Exception {
    assertEquals(
        List.of("main"), functions("import shown as s, inner as i from \"lib.aqua\"", "export main"));
    assertEquals(List.of("main"), functions("use \"lib.aqua\"", "export main"));
    assertEquals(List.of("main"), functions("use shown from \"lib.aqua\" as L", "export main"));
  }

  @Test
  void onlyDeclaredExportsButEveryReexportPasses() throws Exception {
    assertEquals(List.of("main", "shown"), functions("import \"narrow.aqua\"", "export main"));
    // Silent declares nothing: its own export stays home, what it re-exports passes on.
    assertEquals(
        List.of("deep", "main", "renamed", "shown"),
        functions("import \"silent.aqua\"", "export main"));
  }

  @Test
  void exportingAnImportedFunctionAgainCompilesItOnceUnderTheNewName() throws Exception {
    assertEquals(
        List.of("again", "deep", "main", "renamed"),
        functions("import \"lib.aqua\"", "export main, shown as again"));
  }

  private List<String> functions(String imports, String exports) throws Exception {
    Path main =
        write(
            "main.aqua",
            "aqua Main\n\n"
                + imports
                + "\n\n"
                + exports
                + "\n\nfunc main() -> string:\n    <- \"main\"\n");
    return Compile.compiler().compile(List.of(Compile.file(main))).get(0).functions().stream()
        .map(CompiledFunction::name)
        .sorted()
        .toList();
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
