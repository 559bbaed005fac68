package io.gyre.cli;

import io.gyre.cli.air.AirCommand;
import io.gyre.cli.aqua.AquaCommand;
import io.gyre.cli.demo.DemoCommand;
import io.gyre.cli.node.NodeCommand;
import io.gyre.cli.run.RunCommand;
import io.gyre.cli.wasm.WasmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `gyre` command: one entry point over all modules, a subcommand per module. */
@Command(
    name = "gyre",
    mixinStandardHelpOptions = true,
    version = "gyre 0.1.0",
    description = "Gyre: a peer-to-peer compute network on the JVM.",
    subcommands = {
      AirCommand.class,
      AquaCommand.class,
      WasmCommand.class,
      NodeCommand.class,
      RunCommand.class,
      DemoCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GyreCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line; tests run it in-process. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new GyreCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
