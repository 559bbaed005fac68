package io.gyre.cli.console;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * How every command ends on an error it did not report itself: one line, {@code gyre CMD: message},
 * and the stack trace only under {@code --verbose}. Exit 2 for bad usage, 1 otherwise.
 */
public final class ErrorReport implements CommandLine.IExecutionExceptionHandler {
  private final boolean verbose;

  public ErrorReport(boolean verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(
      Exception error, CommandLine command, CommandLine.ParseResult parseResult) {
    PrintWriter err = command.getErr();
    int exitCode = error instanceof UserError user ? user.exitCode() : UserError.FAILED;
    err.println(command.getCommandSpec().qualifiedName() + ": " + describe(error));
    if (verbose) {
      error.printStackTrace(err);
    } else if (!(error instanceof UserError)) {
      err.println("(run with --verbose for the details)");
    }
    err.flush();
    return exitCode;
  }

  static String describe(Throwable error) {
    Throwable cause =
        error instanceof UncheckedIOException && error.getCause() != null
            ? error.getCause()
            : error;
    if (cause instanceof UserError) {
      return cause.getMessage();
    }
    if (cause instanceof NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank()
        ? "failed (" + cause.getClass().getSimpleName() + ")"
        : message;
  }
}
