package io.gyre.air.js;

/** {@code JSON.parse} refused its input; the message is V8's (Node 20) word for word. */
public final class JsJsonSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  public JsJsonSyntaxException(String message) {
    super(message);
  }
}
