package io.gyre.proofs;

import java.util.Optional;

/**
 * The answer of every check in this module: accepted, or rejected with a typed reason and a message
 * that says what was wrong. Bad input always ends here, never in an exception.
 *
 * @param <R> the check's enum of reasons
 */
public sealed interface Verdict<R extends Enum<R>> {

  boolean accepted();

  /** The reason, when rejected. */
  Optional<R> reason();

  record Accepted<R extends Enum<R>>() implements Verdict<R> {
    @Override
    public boolean accepted() {
      return true;
    }

    @Override
    public Optional<R> reason() {
      return Optional.empty();
    }
  }

  record Rejected<R extends Enum<R>>(R why, String message) implements Verdict<R> {
    @Override
    public boolean accepted() {
      return false;
    }

    @Override
    public Optional<R> reason() {
      return Optional.of(why);
    }

    @Override
    public String toString() {
      return why + ": " + message;
    }
  }

  static <R extends Enum<R>> Verdict<R> accept() {
    return new Accepted<>();
  }

  static <R extends Enum<R>> Verdict<R> reject(R reason, String message) {
    return new Rejected<>(reason, message);
  }

  /** A rejection as a "first problem found", for checks that stop at the first one. */
  static <R extends Enum<R>> Optional<Verdict<R>> problem(R reason, String message) {
    return Optional.of(reject(reason, message));
  }
}
