package io.gyre.cli.air;

import io.gyre.air.syntax.AirParser;
import io.gyre.air.syntax.AirSyntaxException;
import io.gyre.air.syntax.AstPrinter;
import io.gyre.cli.console.InputFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gyre air parse FILE.air}: prints the parsed instruction tree, or the error with its place.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description =
        "Parse an AIR script and print its instruction tree, or the first error as FILE:LINE:COL.")
public final class AirParseCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.air", description = "the AIR script")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String source = InputFiles.text(file, "the AIR script");
    try {
      PrintWriter out = spec.commandLine().getOut();
      out.print(AstPrinter.print(AirParser.parse(source)));
      out.flush();
      return 0;
    } catch (AirSyntaxException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.reason());
      err.println("  " + e.offendingText());
      err.flush();
      return 1;
    }
  }
}
