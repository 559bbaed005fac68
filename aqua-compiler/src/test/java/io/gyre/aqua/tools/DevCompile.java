package io.gyre.aqua.tools;

import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Developer tool: {@code DevCompile FILE [FUNC]} prints the AIR of one function (or errors). */
public final class DevCompile {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    AquaCompiler compiler =
        new AquaCompiler(
            CompileOptions.defaults()
                .withImportRoots(
                    List.of(Path.of(System.getProperty("user.home"), ".cache/gyre/npm"))));
    try {
      List<CompiledModule> modules =
          compiler.compile(
              List.of(new SourceFile(file, file.getFileName().toString(), Files.readString(file))));
      for (CompiledFunction f : modules.get(0).functions()) {
        if (args.length < 2 || f.name().equals(args[1])) {
          System.out.print(f.air());
        }
      }
    } catch (CompileException e) {
      e.diagnostics().forEach(d -> System.err.println(d.render()));
      System.exit(1);
    }
  }
}
