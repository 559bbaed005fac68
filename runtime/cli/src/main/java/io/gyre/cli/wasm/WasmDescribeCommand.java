package io.gyre.cli.wasm;

import io.gyre.wasm.DeployException;
import io.gyre.wasm.ModuleDescription;
import io.gyre.wasm.ServiceFunction;
import io.gyre.wasm.WasmHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** `gyre wasm describe MODULE.wasm`: what a module is, and its Aqua service declaration. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Describe a WebAssembly module: id, ABI, imports, functions, Aqua declaration.")
public final class WasmDescribeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "MODULE.wasm")
  Path module;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (WasmHost host = WasmHost.create()) {
      ModuleDescription d = host.describe(WasmCallCommand.read(module));
      out.println("module:    " + module);
      out.println("id:        " + d.id());
      out.println("size:      " + d.sizeBytes() + " bytes");
      out.println("abi:       " + d.abi().manifestName());
      out.println(
          "memory:    "
              + d.initialMemoryPages()
              + " pages"
              + d.maximumMemoryPages().map(max -> ", at most " + max).orElse(""));
      out.println(
          "imports:   " + (d.imports().isEmpty() ? "(none)" : String.join(", ", d.imports())));
      out.println(
          "manifest:  "
              + (d.manifest().isPresent()
                  ? "gyre.manifest section"
                  : "(none: argument and result types unknown)"));
      out.println("functions:");
      for (ServiceFunction f : d.functions()) {
        out.println("  " + signature(f));
      }
      d.aquaService()
          .ifPresent(
              aqua -> {
                out.println();
                out.print(aqua);
                out.flush();
              });
      return 0;
    } catch (DeployException | IOException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
  }

  private static String signature(ServiceFunction f) {
    String text =
        f.name()
            + "("
            + f.args().stream()
                .map(a -> a.name() + ": " + a.type())
                .collect(Collectors.joining(", "))
            + ")"
            + f.result().map(r -> " -> " + r).orElse("");
    return f.export().equals(f.name()) ? text : text + "    [export " + f.export() + "]";
  }
}
