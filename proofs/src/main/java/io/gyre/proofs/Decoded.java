package io.gyre.proofs;

import java.util.Optional;
import java.util.function.Function;

/**
 * Bytes read as a value, or why they could not be: what every decoder in this module returns for
 * bytes that came from outside.
 */
public sealed interface Decoded<T> {

  record Value<T>(T value) implements Decoded<T> {}

  /** The bytes do not follow the documented layout; the message says where and how. */
  record Malformed<T>(String message) implements Decoded<T> {}

  default Optional<T> toOptional() {
    return this instanceof Value<T> v ? Optional.of(v.value()) : Optional.empty();
  }

  default <U> Decoded<U> map(Function<T, U> f) {
    if (this instanceof Value<T> v) {
      return new Value<>(f.apply(v.value()));
    }
    return new Malformed<>(((Malformed<T>) this).message());
  }
}
