package io.gyre.bot;

/** A bot operation that did not complete; the message says which and why, in one line. */
public final class BotException extends RuntimeException {
  public BotException(String message) {
    super(message);
  }

  public BotException(String message, Throwable cause) {
    super(message, cause);
  }
}
