package io.gyre.cli.aqua;

import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledModule;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import io.gyre.cli.console.InputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What `aqua compile` and `aqua check` share: the files, import roots and constants. */
public final class CompilerOptionsMixin {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Aqua files to compile.")
  List<Path> files;

  @Option(
      names = "--import",
      paramLabel = "DIR",
      description =
          "Where imports are looked for after the importing file's directory (DIR and"
              + " DIR/node_modules); repeatable. ~/.cache/gyre/npm is always tried last.")
  List<Path> importRoots = new ArrayList<>();

  @Option(
      names = "--const",
      paramLabel = "NAME=VALUE",
      description = "Value of a constant declared with ?= (a number, true/false, or a string).")
  Map<String, String> constants = new LinkedHashMap<>();

  AquaCompiler compiler() {
    List<Path> roots = new ArrayList<>(importRoots);
    roots.add(Path.of(System.getProperty("user.home"), ".cache", "gyre", "npm"));
    Map<String, Value.Literal> consts = new LinkedHashMap<>();
    constants.forEach((name, text) -> consts.put(name, literal(text)));
    return new AquaCompiler(new CompileOptions(roots, consts));
  }

  /** The compiled files, or empty after printing every compile error to {@code err}. */
  public Optional<List<CompiledModule>> compileOrReport(PrintWriter err) throws IOException {
    try {
      List<CompiledModule> modules = compiler().compile(sources());
      Diagnostics.printWarnings(modules, err);
      return Optional.of(modules);
    } catch (CompileException e) {
      Diagnostics.print(e, err);
      return Optional.empty();
    }
  }

  List<SourceFile> sources() throws IOException {
    List<SourceFile> out = new ArrayList<>();
    for (Path file : files) {
      out.add(
          new SourceFile(
              file.toAbsolutePath(), file.toString(), InputFiles.text(file, "the Aqua file")));
    }
    return out;
  }

  private static Value.Literal literal(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Value.Literal.bool(text.equals("true"));
    }
    if (text.matches("-?[0-9]+")) {
      return Value.Literal.number(Long.parseLong(text));
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      text = text.substring(1, text.length() - 1);
    }
    return Value.Literal.string(text);
  }
}
