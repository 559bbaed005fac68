package io.gyre.aqua;

import io.gyre.aqua.check.TypeChecker;
import io.gyre.aqua.check.Typing;
import io.gyre.aqua.resolve.ImportResolver;
import io.gyre.aqua.resolve.ModuleLoader;
import io.gyre.aqua.resolve.Resolver;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import java.util.List;

/**
 * The Aqua compiler: parse, resolve names and imports, type-check, lower and emit AIR. Each stage
 * is a pure function of the previous one's result; errors carry {@code file:line:col}.
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
    List<CompiledModule> modules = new java.util.ArrayList<>();
    List<io.gyre.aqua.source.Diagnostic> diagnostics = new java.util.ArrayList<>();
    for (io.gyre.aqua.resolve.ModuleScope entry : analysis.program().entries()) {
      List<CompiledFunction> functions = new java.util.ArrayList<>();
      for (var exported : entry.exported().entrySet()) {
        try {
          functions.add(compileFunction(exported.getKey(), exported.getValue(), analysis.typing()));
        } catch (CompileException e) {
          diagnostics.addAll(e.diagnostics());
        } catch (StackOverflowError e) {
          diagnostics.add(
              new io.gyre.aqua.source.Diagnostic(
                  entry.module().source(), exported.getValue().pos(), "too deeply nested"));
        }
      }
      modules.add(
          new CompiledModule(entry.name(), entry.module().source().displayName(), functions));
    }
    if (!diagnostics.isEmpty()) {
      throw new CompileException(diagnostics);
    }
    return modules;
  }

  private static CompiledFunction compileFunction(
      String name, io.gyre.aqua.resolve.Symbol.FuncDef def, Typing typing) throws CompileException {
    io.gyre.aqua.model.Op lowered = io.gyre.aqua.lower.FunctionLowerer.lower(def, typing);
    io.gyre.aqua.model.Op placed = io.gyre.aqua.topology.Topology.resolve(lowered);
    String air = io.gyre.aqua.emit.AirPrinter.print(placed);
    List<CompiledFunction.Argument> args = new java.util.ArrayList<>();
    for (int i = 0; i < def.paramNames().size(); i++) {
      args.add(
          new CompiledFunction.Argument(
              def.paramNames().get(i), def.type().params().get(i).toString()));
    }
    List<String> results = def.type().results().stream().map(Object::toString).toList();
    return new CompiledFunction(name, air, args, results);
  }

  /** Checks the files (and what they import) without generating code. */
  public void check(List<SourceFile> files) throws CompileException {
    analyse(files);
  }

  Analysis analyse(List<SourceFile> files) throws CompileException {
    try {
      ModuleLoader.Loaded loaded =
          new ModuleLoader(new ImportResolver(options.importRoots()), p -> null).load(files);
      Resolver.Program program = new Resolver(options.constants()).resolve(loaded);
      Typing typing = TypeChecker.check(program);
      return new Analysis(program, typing);
    } catch (StackOverflowError e) {
      throw new CompileException(
          List.of(
              new io.gyre.aqua.source.Diagnostic(
                  files.get(0), io.gyre.aqua.source.Pos.NONE, "too deeply nested")));
    }
  }

  record Analysis(Resolver.Program program, Typing typing) {}
}
