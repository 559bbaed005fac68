package io.gyre.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code gyre} command: its exit code and what it printed. */
public record GyreRun(int exitCode, String out, String err) {

  public static GyreRun gyre(String... args) {
    CommandLine cli = GyreCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new GyreRun(code, out.toString(), err.toString());
  }
}
