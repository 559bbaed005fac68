package io.gyre.node.services;

/** No service has this id or alias on the peer. */
public final class NoSuchServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoSuchServiceException(String idOrAlias, String peerId) {
    super("no service '" + idOrAlias + "' on peer " + peerId);
  }
}
