package io.gyre.net.libp2p.yamux;

import io.gyre.net.NetException;

/** A stream could not be opened: the connection's stream limit is reached. */
public final class YamuxLimitException extends NetException {
  public YamuxLimitException(String message) {
    super(message);
  }
}
