package io.gyre.air.internal.exec;

/** Carries an {@link AirError} out of value resolution to the executor that handles it. */
final class AirException extends RuntimeException {
  final transient AirError error;

  AirException(AirError error) {
    super(error.message, null, false, false);
    this.error = error;
  }
}
