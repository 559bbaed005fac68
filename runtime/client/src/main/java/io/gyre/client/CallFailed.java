package io.gyre.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The function ran and reported an error: the script's {@code errorHandlingSrv.error} (a failed
 * service call, a {@code fail}, …), or the interpreter failed on this client. {@link #errors()}
 * holds what the script reported, as JSON.
 */
public final class CallFailed extends GyreClientException {
  private final List<JsonNode> errors;

  public CallFailed(String particleId, String message, List<JsonNode> errors) {
    super(particleId, message);
    this.errors = List.copyOf(errors);
  }

  public List<JsonNode> errors() {
    return errors;
  }
}
