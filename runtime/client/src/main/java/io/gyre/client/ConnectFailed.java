package io.gyre.client;

/**
 * {@link GyreClient#connect} reached none of its relays: unreachable, a wrong peer id, or the relay
 * refused the client (it serves its limit of clients). The message says which, per relay.
 */
public final class ConnectFailed extends RuntimeException {
  public ConnectFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
