package io.gyre.aqua;

import io.gyre.aqua.check.TypeChecker;
import io.gyre.aqua.check.Typing;
import io.gyre.aqua.resolve.ImportResolver;
import io.gyre.aqua.resolve.ModuleLoader;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.Resolver;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Aqua compiler: parse, resolve names and imports, type-check, then lower, place and print
 * every exported function. Each stage is a pure function of the previous one's result; errors carry
 * {@code file:line:col}. Exported functions are generated independently of each other, in parallel
 * when there are many.
 */
public final class AquaCompiler {
  private final CompileOptions options;

  public AquaCompiler(CompileOptions options) {
    this.options = options;
  }

  /**
   * Compiles the files: one module per file with every exported function as AIR. All errors of a
   * stage are reported together.
   */
  public List<CompiledModule> compile(List<SourceFile> files) throws CompileException {
    Analysis analysis = analyse(files);
    List<FunctionJob> jobs = new ArrayList<>();
    for (ModuleScope entry : analysis.program().entries()) {
      for (Map.Entry<String, Symbol.FuncDef> exported : entry.exported().entrySet()) {
        jobs.add(new FunctionJob(entry, exported.getKey(), exported.getValue()));
      }
    }
    List<FunctionBackend.Result> results = FunctionBackend.generate(jobs, analysis.typing());
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<CompiledModule> modules = new ArrayList<>();
    int next = 0;
    for (ModuleScope entry : analysis.program().entries()) {
      List<CompiledFunction> functions = new ArrayList<>();
      for (int i = 0; i < entry.exported().size(); i++) {
        FunctionBackend.Result result = results.get(next++);
        result.function().ifPresent(functions::add);
        diagnostics.addAll(result.diagnostics());
      }
      modules.add(
          new CompiledModule(entry.name(), entry.module().source().displayName(), functions));
    }
    if (!diagnostics.isEmpty()) {
      throw new CompileException(diagnostics);
    }
    return modules;
  }

  /** Checks the files (and what they import) without generating code. */
  public void check(List<SourceFile> files) throws CompileException {
    analyse(files);
  }

  private Analysis analyse(List<SourceFile> files) throws CompileException {
    try {
      ModuleLoader.Loaded loaded =
          new ModuleLoader(new ImportResolver(options.importRoots()), p -> null).load(files);
      Resolver.Program program = new Resolver(options.constants()).resolve(loaded);
      Typing typing = TypeChecker.check(program);
      return new Analysis(program, typing);
    } catch (StackOverflowError e) {
      throw new CompileException(
          List.of(new Diagnostic(files.get(0), Pos.NONE, "too deeply nested")));
    }
  }

  private record Analysis(Resolver.Program program, Typing typing) {}

  /** One exported function to generate. */
  record FunctionJob(ModuleScope module, String name, Symbol.FuncDef def) {}
}
