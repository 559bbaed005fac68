package io.gyre.cli.console;

/**
 * An ordinary mistake or failure a command reports in one line ({@code gyre CMD: message}) with its
 * exit code: 2 for bad usage (a wrong file, a bad argument), 1 when the work failed.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  public static final int USAGE = 2;
  public static final int FAILED = 1;

  private final int exitCode;

  public UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public UserError(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
