package io.gyre.cli.air;

import io.gyre.air.syntax.AirParser;
import io.gyre.air.syntax.AirSyntaxException;
import io.gyre.air.syntax.AstPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

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

  @Override
  public Integer call() {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("gyre air parse: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    try {
      System.out.print(AstPrinter.print(AirParser.parse(source)));
      return 0;
    } catch (AirSyntaxException e) {
      System.err.println(file + ":" + e.line() + ":" + e.column() + ": " + e.reason());
      System.err.println("  " + e.offendingText());
      return 1;
    }
  }
}
