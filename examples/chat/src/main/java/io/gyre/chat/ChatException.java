package io.gyre.chat;

/** A chat operation that did not complete; the message says which and why, in one line. */
public final class ChatException extends RuntimeException {
  public ChatException(String message) {
    super(message);
  }

  public ChatException(String message, Throwable cause) {
    super(message, cause);
  }
}
