package io.gyre.aqua.tools;

import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Developer tool: {@code CorpusCheck FILE...} compiles each file on its own and prints one line per
 * file, {@code OK}, {@code FAIL} with the first diagnostic, or {@code CRASH} with the exception, to
 * compare with what the real compiler says about the same files.
 */
public final class CorpusCheck {
  public static void main(String[] args) throws Exception {
    AquaCompiler compiler =
        new AquaCompiler(
            CompileOptions.defaults()
                .withImportRoots(
                    List.of(Path.of(System.getProperty("user.home"), ".cache/gyre/npm"))));
    for (String arg : args) {
      Path file = Path.of(arg).toAbsolutePath();
      try {
        int n =
            compiler
                .compile(List.of(new SourceFile(file, arg, Files.readString(file))))
                .get(0)
                .functions()
                .size();
        System.out.println("OK " + arg + " " + n);
      } catch (CompileException e) {
        System.out.println("FAIL " + arg + " " + e.diagnostics().get(0));
      } catch (RuntimeException | Error e) {
        System.out.println("CRASH " + arg + " " + e);
      }
    }
  }
}
