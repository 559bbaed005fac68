package io.gyre.cli.service;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `gyre service`: deploy, list, describe and remove a peer's WASM services. */
@Command(
    name = "service",
    mixinStandardHelpOptions = true,
    description = "Deploy, list, describe and remove services on a peer (its HTTP API).",
    subcommands = {
      ServiceDeployCommand.class,
      ServiceListCommand.class,
      ServiceDescribeCommand.class,
      ServiceRemoveCommand.class
    })
public final class ServiceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
