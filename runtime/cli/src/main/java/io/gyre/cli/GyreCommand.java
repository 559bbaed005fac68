package io.gyre.cli;

import io.gyre.cli.air.AirCommand;
import io.gyre.cli.aqua.AquaCommand;
import io.gyre.cli.console.ErrorReport;
import io.gyre.cli.console.Logs;
import io.gyre.cli.console.VerboseOption;
import io.gyre.cli.demo.DemoCommand;
import io.gyre.cli.node.NodeCommand;
import io.gyre.cli.run.RunCommand;
import io.gyre.cli.service.ServiceCommand;
import io.gyre.cli.wasm.WasmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
      ServiceCommand.class,
      io.gyre.cli.market.MarketCommand.class,
      DemoCommand.class,
      io.gyre.cli.chat.ChatCommand.class,
      io.gyre.cli.bot.BotCommand.class,
      CommandLine.HelpCommand.class
    })
public final class GyreCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = VerboseOption.NAME,
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error, and of every logged one.")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /**
   * The configured command line; tests run it in-process. Every error a command does not report
   * itself is one line ({@link ErrorReport}); --verbose adds its stack trace.
   */
  public static CommandLine newCommandLine() {
    CommandLine cli =
        new CommandLine(new GyreCommand())
            .setCaseInsensitiveEnumValuesAllowed(true)
            // "@FILE" is ours (--args @file.json), not picocli's argument files.
            .setExpandAtFiles(false);
    cli.setExecutionStrategy(
        parseResult -> {
          boolean verbose = VerboseOption.given(parseResult);
          Logs.configure(verbose);
          cli.setExecutionExceptionHandler(new ErrorReport(verbose));
          return new CommandLine.RunLast().execute(parseResult);
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
