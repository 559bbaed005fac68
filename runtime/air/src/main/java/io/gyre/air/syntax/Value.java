package io.gyre.air.syntax;

/** A value an AIR instruction reads: a literal, a special name, or a variable with its lens. */
public sealed interface Value {

  /** AquaVM's printout of the value, as it appears in error objects' {@code instruction}. */
  String text();

  /** {@code "text"}: AIR string literals have no escapes. */
  record Literal(String value) implements Value {
    @Override
    public String text() {
      return "\"" + value + "\"";
    }
  }

  /** An integer literal. */
  record IntNumber(long value) implements Value {
    @Override
    public String text() {
      return Long.toString(value);
    }
  }

  /** A float literal (at most 11 characters, as AquaVM requires). */
  record FloatNumber(double value, String source) implements Value {
    @Override
    public String text() {
      return source;
    }
  }

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements Value {
    @Override
    public String text() {
      return Boolean.toString(value);
    }
  }

  /** {@code []}. */
  record EmptyArray() implements Value {
    @Override
    public String text() {
      return "[]";
    }
  }

  /** {@code %init_peer_id%}. */
  record InitPeerId() implements Value {
    @Override
    public String text() {
      return "%init_peer_id%";
    }
  }

  /** {@code %ttl%}. */
  record Ttl() implements Value {
    @Override
    public String text() {
      return "%ttl%";
    }
  }

  /** {@code %timestamp%}. */
  record Timestamp() implements Value {
    @Override
    public String text() {
      return "%timestamp%";
    }
  }

  /** {@code :error:} (the error being handled) or {@code %last_error%}, with an optional lens. */
  record ErrorRef(boolean lastError, Lens lens) implements Value {
    @Override
    public String text() {
      return (lastError ? "%last_error%" : ":error:") + lens.text();
    }
  }

  /** A variable: scalar, stream, stream map, canon stream or canon map, with its lens. */
  record Variable(VariableKind kind, String name, Lens lens, int position) implements Value {
    @Override
    public String text() {
      return name + lens.text();
    }
  }
}
