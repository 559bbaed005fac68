package io.gyre.cli.aqua;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `gyre aqua …`: compile and check Aqua. */
@Command(
    name = "aqua",
    mixinStandardHelpOptions = true,
    description = "Compile Aqua to AIR and check Aqua sources.",
    subcommands = {AquaCompileCommand.class, AquaCheckCommand.class})
public final class AquaCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
