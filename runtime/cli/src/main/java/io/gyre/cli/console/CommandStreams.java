package io.gyre.cli.console;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** A command's body with its stdout and stderr writers, both flushed however it ends. */
public final class CommandStreams {
  private CommandStreams() {}

  /** The body of a command: writes to {@code out} and {@code err}, returns the exit code. */
  @FunctionalInterface
  public interface Body {
    int run(PrintWriter out, PrintWriter err) throws IOException;
  }

  public static int run(CommandSpec spec, Body body) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return body.run(out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
