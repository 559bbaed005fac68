package io.gyre.cli.aqua;

import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.CompiledModule;
import io.gyre.cli.console.CommandStreams;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * `gyre aqua compile FILE... -o DIR`: one JSON per module ({@code DIR/<file name>.json}) with each
 * exported function's AIR, argument names and types, and result types.
 */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description =
        "Compile Aqua files to AIR: one JSON per file in the output directory; exit 1 on errors.")
public final class AquaCompileCommand implements Callable<Integer> {
  @Mixin CompilerOptionsMixin options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Output directory.")
  Optional<Path> output;

  @Option(names = "--func", paramLabel = "NAME", description = "Only this exported function.")
  Optional<String> function;

  @Option(names = "--print", description = "Print the AIR of the (selected) functions to stdout.")
  boolean print;

  @Override
  public Integer call() throws IOException {
    return CommandStreams.run(spec, this::run);
  }

  private int run(PrintWriter out, PrintWriter err) throws IOException {
    if (output.isEmpty() && !print) {
      err.println("aqua compile: give an output directory (-o DIR) or --print");
      return 2;
    }
    Optional<List<CompiledModule>> compiled = options.compileOrReport(err);
    if (compiled.isEmpty()) {
      return 1;
    }
    List<CompiledModule> modules = compiled.get();
    if (function.isPresent()
        && modules.stream().allMatch(m -> m.function(function.get()).isEmpty())) {
      err.println("aqua compile: no exported function '" + function.get() + "'");
      return 1;
    }
    for (int i = 0; i < modules.size(); i++) {
      CompiledModule module = modules.get(i);
      if (print) {
        selected(module).forEach(f -> out.print(f.air()));
      }
      if (output.isPresent()) {
        Files.createDirectories(output.get());
        Path target = output.get().resolve(stem(options.files.get(i)) + ".json");
        Files.writeString(target, ModuleJson.of(module, selected(module)));
        err.println("wrote " + target + " (" + selected(module).size() + " functions)");
      }
    }
    return 0;
  }

  private List<CompiledFunction> selected(CompiledModule module) {
    return module.functions().stream()
        .filter(f -> function.map(f.name()::equals).orElse(true))
        .toList();
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".aqua") ? name.substring(0, name.length() - 5) : name;
  }
}
