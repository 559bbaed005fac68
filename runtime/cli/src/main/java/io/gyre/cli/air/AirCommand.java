package io.gyre.cli.air;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `gyre air …`: parse and simulate AIR scripts. */
@Command(
    name = "air",
    mixinStandardHelpOptions = true,
    description = "Parse and simulate AIR scripts.",
    subcommands = {AirParseCommand.class, AirSimulateCommand.class})
public final class AirCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
