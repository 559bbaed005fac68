package io.gyre.net;

/** The stream was reset (by either side, or because its connection closed). */
public final class StreamResetException extends NetException {
  public StreamResetException(String message) {
    super(message);
  }
}
