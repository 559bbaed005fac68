package io.gyre.node.config;

/** A configuration that cannot start a node; the message names the key and what was wrong. */
public final class NodeConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NodeConfigException(String message) {
    super(message);
  }

  public NodeConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
