package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error met while executing, with AquaVM's code: catchable ones (10000+) can be caught by {@code
 * xor}, uncatchable ones (20000+) end the run. "Variable not found" is the join signal: the value
 * has not arrived yet, so the instruction waits instead of failing.
 */
final class AirError {
  static final int LOCAL_SERVICE = 10000;
  static final int MATCH = 10001;
  static final int MISMATCH = 10002;
  static final int VARIABLE_NOT_FOUND = 10003;
  static final int FOLD_NON_ARRAY = 10005;
  static final int USER = 10006;
  static final int LENS = 10007;
  static final int INVALID_ERROR_OBJECT = 10008;
  static final int LENGTH_NON_ARRAY = 10010;
  static final int NON_STRING_TRIPLET = 10011;
  static final int STREAM_MAP = 10012;

  static final int FOLD_STATE_NOT_FOUND = 20003;
  static final int SHADOWING = 20007;
  static final int STREAM_SIZE = 20013;
  static final int DATA_INCONSISTENT = 20017;

  final int code;
  final String message;
  final boolean catchable;

  /** For {@code fail}: the error object raised. */
  final JsonNode userObject;

  private AirError(int code, String message, boolean catchable, JsonNode userObject) {
    this.code = code;
    this.message = message;
    this.catchable = catchable;
    this.userObject = userObject;
  }

  static AirError catchable(int code, String message) {
    return new AirError(code, message, true, null);
  }

  static AirError uncatchable(int code, String message) {
    return new AirError(code, message, false, null);
  }

  static AirError user(JsonNode object, String compactText) {
    return new AirError(
        USER, "fail with '" + compactText + "' is used without corresponding xor", true, object);
  }

  boolean joinable() {
    return code == VARIABLE_NOT_FOUND;
  }

  /** match/mismatch failures leave %last_error% alone. */
  boolean affectsLastError() {
    return catchable && code != MATCH && code != MISMATCH;
  }

  boolean affectsError() {
    return catchable;
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
