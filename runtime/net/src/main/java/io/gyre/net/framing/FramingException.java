package io.gyre.net.framing;

import io.gyre.net.NetException;

/** A length-prefixed message that is malformed or larger than allowed. */
public final class FramingException extends NetException {
  public FramingException(String message) {
    super(message);
  }
}
