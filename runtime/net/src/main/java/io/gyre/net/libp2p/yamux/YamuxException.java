package io.gyre.net.libp2p.yamux;

import io.gyre.net.NetException;

/** A Yamux protocol error: the session is over (GoAway with the protocol-error code). */
public final class YamuxException extends NetException {
  public YamuxException(String message) {
    super(message);
  }
}
