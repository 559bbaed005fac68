package io.gyre.node.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.Tetraplet;
import java.util.List;

/**
 * One call a particle makes to a service on a peer: the function, its arguments and their
 * provenance (tetraplets), the particle it came from, and the interpreter's key for the call (its
 * position among the particle's calls on this peer).
 */
public record ServiceCall(
    String hostPeerId,
    String serviceId,
    String functionName,
    List<JsonNode> arguments,
    List<List<Tetraplet>> tetraplets,
    String particleId,
    String initPeerId,
    long timestampMs,
    long ttlMs,
    int callKey) {

  public ServiceCall {
    arguments = List.copyOf(arguments);
    tetraplets = List.copyOf(tetraplets);
  }

  /** The argument at {@code index}, or a clear error when the caller passed fewer. */
  public JsonNode argument(int index) {
    if (index >= arguments.size()) {
      throw new ServiceException(
          serviceId
              + "."
              + functionName
              + " takes at least "
              + (index + 1)
              + " argument(s), got "
              + arguments.size());
    }
    return arguments.get(index);
  }
}
