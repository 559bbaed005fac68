package io.gyre.aqua.testing;

import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiles test inputs with aqua-lib reachable (installed from npm into the cache on first use).
 */
public final class Compile {
  private Compile() {}

  public static AquaCompiler compiler() throws IOException, InterruptedException {
    return new AquaCompiler(
        CompileOptions.defaults().withImportRoots(List.of(TestFiles.npmPrefix())));
  }

  public static SourceFile file(Path path) throws IOException {
    return new SourceFile(
        path.toAbsolutePath(), path.getFileName().toString(), Files.readString(path));
  }

  /** Source text as a file named {@code name} in {@code dir} (for relative imports). */
  public static SourceFile text(String name, String text) {
    return new SourceFile(Path.of(name).toAbsolutePath(), name, text);
  }

  public static CompiledModule module(SourceFile file)
      throws CompileException, IOException, InterruptedException {
    return compiler().compile(List.of(file)).get(0);
  }
}
