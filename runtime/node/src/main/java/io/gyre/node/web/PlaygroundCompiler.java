package io.gyre.node.web;

import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compiles the one Aqua file typed into the playground: its exported functions, or every error with
 * its line. Imports come from the import roots only ({@link ImportGuard}); a failed import says how
 * to install aqua-lib.
 */
public final class PlaygroundCompiler {
  /** The name the typed source has in messages. */
  public static final String FILE_NAME = "playground.aqua";

  private final List<Path> importRoots;
  private final AquaCompiler compiler;

  public PlaygroundCompiler(List<Path> importRoots) {
    this.importRoots = List.copyOf(importRoots);
    this.compiler = new AquaCompiler(new CompileOptions(this.importRoots, Map.of()));
  }

  /** A compiler over {@link ImportRoots#standard()}. */
  public static PlaygroundCompiler standard() {
    return new PlaygroundCompiler(ImportRoots.standard());
  }

  /** What compiling gave: the functions and warnings, or the errors. */
  public sealed interface Outcome {}

  public record Compiled(List<CompiledFunction> functions, List<Diagnostic> warnings)
      implements Outcome {}

  public record Rejected(List<Diagnostic> diagnostics) implements Outcome {}

  public Outcome compile(String text) {
    SourceFile source = new SourceFile(sourcePath(), FILE_NAME, text);
    List<ImportGuard.Refusal> refusals = ImportGuard.check(source.text());
    if (!refusals.isEmpty()) {
      return new Rejected(
          refusals.stream()
              .map(
                  r ->
                      new Diagnostic(
                          source, new Pos(r.line(), r.column(), r.length()), r.message()))
              .toList());
    }
    try {
      List<CompiledModule> modules = compiler.compile(List.of(source));
      List<CompiledFunction> functions = new ArrayList<>();
      List<Diagnostic> warnings = new ArrayList<>();
      for (CompiledModule module : modules) {
        functions.addAll(module.functions());
        warnings.addAll(module.warnings());
      }
      return new Compiled(functions, warnings);
    } catch (CompileException e) {
      return new Rejected(e.diagnostics().stream().map(this::withHint).toList());
    }
  }

  /**
   * The typed source lives in a directory of its own under the first root (which need not exist).
   */
  private Path sourcePath() {
    Path base =
        importRoots.isEmpty() ? Path.of("playground") : importRoots.get(0).resolve("playground");
    return base.resolve(FILE_NAME).toAbsolutePath();
  }

  private Diagnostic withHint(Diagnostic d) {
    if (!d.message().startsWith("cannot resolve import") || importRoots.isEmpty()) {
      return d;
    }
    return new Diagnostic(
        d.file(),
        d.pos(),
        d.message()
            + "; the playground imports the packages installed on this peer: "
            + "npm install --prefix "
            + importRoots.get(0)
            + " @fluencelabs/aqua-lib@0.10.2",
        d.severity());
  }
}
