package io.gyre.node.json;

/** A JSON text that is not JSON, or passes a {@link JsonLimits} limit; the message says which. */
public final class JsonLimitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What was wrong: not JSON at all, or over the nesting or the size limit. */
  public enum Kind {
    NOT_JSON,
    TOO_DEEP,
    TOO_LARGE
  }

  private final Kind kind;

  public JsonLimitException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
