package io.gyre.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.air.Tetraplet;
import java.util.List;

/**
 * One call of a client's local service: its arguments (JSON, or converted to Java types with
 * Jackson), where each came from (tetraplets), and the particle it is part of.
 *
 * @param initPeerId who started the particle (the client itself, or another peer or client)
 */
public record CallArguments(
    List<JsonNode> json, List<List<Tetraplet>> tetraplets, String particleId, String initPeerId) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public CallArguments {
    json = List.copyOf(json);
    tetraplets = List.copyOf(tetraplets);
  }

  public int size() {
    return json.size();
  }

  /**
   * Argument {@code index} as a {@code type}.
   *
   * @throws IllegalArgumentException when there is no such argument or it does not convert
   */
  public <T> T get(int index, Class<T> type) {
    return MAPPER.convertValue(argument(index), type);
  }

  /** Argument {@code index} as a generic type ({@code new TypeReference<List<String>>() {}}). */
  public <T> T get(int index, TypeReference<T> type) {
    return MAPPER.convertValue(argument(index), type);
  }

  private JsonNode argument(int index) {
    if (index < 0 || index >= json.size()) {
      throw new IllegalArgumentException(
          "argument " + index + " asked for; the call has " + json.size());
    }
    return json.get(index);
  }
}
