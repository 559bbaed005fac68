package io.gyre.air;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A service call the interpreter asks its host to make on the current peer. The host answers it
 * with a {@link CallResult} under the same {@code key} in a later run. {@code tetraplets} has one
 * list per argument (one tetraplet per element for a canonicalised stream, as AquaVM has it).
 */
public record CallRequest(
    int key,
    String serviceId,
    String functionName,
    List<JsonNode> arguments,
    List<List<Tetraplet>> tetraplets) {

  public CallRequest {
    arguments = List.copyOf(arguments);
    tetraplets = List.copyOf(tetraplets);
  }
}
