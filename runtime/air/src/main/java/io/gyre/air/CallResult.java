package io.gyre.air;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A host's answer to a {@link CallRequest}: {@code retCode} 0 and the result value, or a non-zero
 * code and the error value (which AquaVM surfaces as "Local service error, ret_code is N, error
 * message is '…'", error_code 10000).
 */
public record CallResult(int retCode, JsonNode result) {

  public static CallResult ok(JsonNode result) {
    return new CallResult(0, result);
  }

  public static CallResult error(int retCode, JsonNode result) {
    if (retCode == 0) {
      throw new IllegalArgumentException("an error result needs a non-zero ret_code");
    }
    return new CallResult(retCode, result);
  }

  public boolean succeeded() {
    return retCode == 0;
  }
}
