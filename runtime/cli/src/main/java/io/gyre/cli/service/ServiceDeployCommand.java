package io.gyre.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.cli.console.InputFiles;
import io.gyre.cli.peer.PeerOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `gyre service deploy FILE.wasm [--name ALIAS]`: uploads the module (a streamed body) and prints
 * the new service's id and the Aqua declaration from the module's manifest. All or nothing: a
 * refused alias leaves no service behind.
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description =
        "Deploy a WASM module as a service of the peer; print its id and Aqua declaration.")
public final class ServiceDeployCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.wasm", description = "The module.")
  Path module;

  @Option(names = "--name", paramLabel = "ALIAS", description = "An alias for the service.")
  Optional<String> name = Optional.empty();

  @Mixin PeerOptions peer;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    // Checked here, so a wrong path is one line before anything is sent.
    InputFiles.bytes(module, "the module");
    JsonNode deployed =
        peer.client().deploy(module, name).orFail("the peer did not deploy " + module + ": ");
    PrintWriter out = spec.commandLine().getOut();
    out.println("service " + deployed.path("service_id").asText());
    if (deployed.has("alias")) {
      out.println("alias   " + deployed.path("alias").asText());
    }
    out.println("module  " + deployed.path("module_hash").asText());
    if (deployed.has("aqua")) {
      out.println();
      out.print(deployed.path("aqua").asText());
    }
    out.flush();
    return 0;
  }
}
