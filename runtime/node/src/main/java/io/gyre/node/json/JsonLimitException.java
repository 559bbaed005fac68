package io.gyre.node.json;

/** A JSON text that is not JSON, or passes a {@link JsonLimits} limit; the message says which. */
public final class JsonLimitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public JsonLimitException(String message) {
    super(message);
  }
}
