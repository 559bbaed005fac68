package io.gyre.net;

/** The remote answered {@code na}: it has no handler for the requested protocol. */
public final class ProtocolNotSupportedException extends NetException {
  private final String protocol;

  public ProtocolNotSupportedException(String protocol, String message) {
    super(message);
    this.protocol = protocol;
  }

  public String protocol() {
    return protocol;
  }
}
