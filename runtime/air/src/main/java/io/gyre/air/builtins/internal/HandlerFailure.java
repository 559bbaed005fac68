package io.gyre.air.builtins.internal;

/**
 * A handler threw, as js-client's do on e.g. bad base58; the host answers "Service call failed.
 * fnName=… serviceId=… error: MESSAGE".
 */
public final class HandlerFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public HandlerFailure(String message) {
    super(message);
  }
}
