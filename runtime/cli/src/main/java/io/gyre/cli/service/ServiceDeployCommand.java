package io.gyre.cli.service;

import io.gyre.cli.console.InputFiles;
import io.gyre.cli.console.UserError;
import io.gyre.cli.peer.PeerClient;
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
    PeerClient.Answer answer = peer.client().deploy(module, name);
    if (!answer.ok()) {
      throw new UserError(
          UserError.FAILED, "the peer did not deploy " + module + ": " + answer.error());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("service " + answer.body().path("service_id").asText());
    if (answer.body().has("alias")) {
      out.println("alias   " + answer.body().path("alias").asText());
    }
    out.println("module  " + answer.body().path("module_hash").asText());
    if (answer.body().has("aqua")) {
      out.println();
      out.print(answer.body().path("aqua").asText());
    }
    out.flush();
    return 0;
  }
}
