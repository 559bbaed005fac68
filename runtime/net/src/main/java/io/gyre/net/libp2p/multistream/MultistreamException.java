package io.gyre.net.libp2p.multistream;

import io.gyre.net.NetException;

/** A multistream-select exchange that broke the protocol or found no common protocol. */
public final class MultistreamException extends NetException {
  public MultistreamException(String message) {
    super(message);
  }
}
