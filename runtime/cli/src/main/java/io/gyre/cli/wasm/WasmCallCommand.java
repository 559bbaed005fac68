package io.gyre.cli.wasm;

import io.gyre.cli.console.InputFiles;
import io.gyre.node.json.BoundedJson;
import io.gyre.node.json.JsonLimitException;
import io.gyre.node.json.JsonLimits;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.BlueprintModule;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.ExecutionMode;
import io.gyre.wasm.HostCapability;
import io.gyre.wasm.HostOptions;
import io.gyre.wasm.LogLine;
import io.gyre.wasm.Service;
import io.gyre.wasm.WasmHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `gyre wasm call MODULE.wasm FUNCTION 'JSON_ARGS'`: deploys the module as a one-call service and
 * calls it. The result goes to stdout; fuel and the call's log to stderr. Exit status 0 on success,
 * 1 when the call fails, 2 when the module is refused.
 */
@Command(
    name = "call",
    mixinStandardHelpOptions = true,
    description = {
      "Call a function of a WebAssembly module (for a WASI command module, FUNCTION is _start or the"
          + " manifest's name for it).",
      "Prints the JSON result on stdout, the fuel used and the call's log on stderr."
    })
public final class WasmCallCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "MODULE.wasm",
      description = "The service's (facade) module.")
  Path module;

  @Parameters(index = "1", paramLabel = "FUNCTION")
  String function;

  @Parameters(
      index = "2",
      paramLabel = "JSON_ARGS",
      defaultValue = "[]",
      description = "A JSON array of arguments (default ${DEFAULT-VALUE}).")
  String arguments;

  @Option(
      names = "--helper",
      paramLabel = "NAME=PATH",
      description = "A module the facade imports by NAME; repeat, in dependency order.")
  Map<String, Path> helpers = new LinkedHashMap<>();

  @Option(names = "--interpreted", description = "Use Chicory's interpreter, not its compiler.")
  boolean interpreted;

  @Option(
      names = "--timestamp-ms",
      description = "The particle timestamp WASI clocks read (default ${DEFAULT-VALUE}).")
  long timestampMs = 0;

  @Option(
      names = "--particle-id",
      description = "The particle id WASI randomness is seeded from (default ${DEFAULT-VALUE}).")
  String particleId = "local";

  @Mixin LimitOptions limits;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // wasm-host reads the arguments by recursion: hold them to the nesting limit first.
    try {
      BoundedJson.read(arguments, JsonLimits.DEFAULT, "JSON_ARGS");
    } catch (JsonLimitException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    HostOptions options =
        HostOptions.DEFAULT.withMode(
            interpreted ? ExecutionMode.INTERPRETED : ExecutionMode.COMPILED);
    try (WasmHost host = WasmHost.create(options)) {
      Service service;
      try {
        service = deploy(host);
      } catch (DeployException | IOException e) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      CallParameters parameters =
          new CallParameters("local", particleId, service.id(), "local", timestampMs, 0, List.of());
      CallOutcome outcome = service.call(function, arguments, parameters);
      for (LogLine line : outcome.logs()) {
        err.println(line);
      }
      err.println("fuel: " + outcome.fuelUsed());
      if (outcome instanceof CallOutcome.Success success) {
        out.println(success.result());
        return 0;
      }
      CallOutcome.Failure failure = (CallOutcome.Failure) outcome;
      err.println("error: " + failure.error());
      return 1;
    }
  }

  private Service deploy(WasmHost host) throws IOException {
    List<BlueprintModule> modules = new ArrayList<>();
    for (Map.Entry<String, Path> helper : helpers.entrySet()) {
      modules.add(new BlueprintModule(helper.getKey(), host.addModule(read(helper.getValue()))));
    }
    String name = module.getFileName().toString().replaceFirst("\\.wasm$", "");
    modules.add(new BlueprintModule(name, host.addModule(read(module))));
    String blueprint =
        host.addBlueprint(new Blueprint(name, modules, EnumSet.allOf(HostCapability.class)));
    return host.createService(name, blueprint, limits.limits());
  }

  static byte[] read(Path path) throws IOException {
    return InputFiles.bytes(path, "the module");
  }
}
