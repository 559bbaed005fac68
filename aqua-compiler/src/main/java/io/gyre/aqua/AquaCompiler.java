package io.gyre.aqua;

import io.gyre.aqua.ast.Module;
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
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        jobs.add(
            new FunctionJob(exported.getValue().owner(), exported.getKey(), exported.getValue()));
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
          new CompiledModule(
              entry.name(),
              entry.module().source().displayName(),
              functions,
              warningsFor(entry.module(), analysis)));
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
      return new Analysis(loaded, program, typing);
    } catch (StackOverflowError e) {
      throw new CompileException(
          List.of(new Diagnostic(files.get(0), Pos.NONE, "too deeply nested")));
    } catch (RuntimeException | AssertionError | LinkageError e) {
      // A compiler bug (see Diagnostic.internal). The stages report their own bugs at the
      // statement; anything left is reported here.
      throw new CompileException(List.of(Diagnostic.internal(files.get(0), new Pos(1, 1, 1), e)));
    }
  }

  private record Analysis(ModuleLoader.Loaded loaded, Resolver.Program program, Typing typing) {}

  /** The warnings about a file and every file it imports, transitively. */
  private static List<Diagnostic> warningsFor(Module entry, Analysis analysis) {
    Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Module> todo = new ArrayDeque<>(List.of(entry));
    while (!todo.isEmpty()) {
      Module m = todo.pop();
      if (seen.add(m)) {
        for (Path p : analysis.loaded().imports().getOrDefault(m, Map.of()).values()) {
          todo.push(analysis.loaded().byPath().get(p));
        }
      }
    }
    Set<SourceFile> files = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.forEach(m -> files.add(m.source()));
    List<Diagnostic> all = new ArrayList<>(analysis.program().warnings());
    all.addAll(analysis.typing().warnings());
    return all.stream().filter(w -> files.contains(w.file())).toList();
  }

  /** One exported function to generate. */
  record FunctionJob(ModuleScope module, String name, Symbol.FuncDef def) {}
}
