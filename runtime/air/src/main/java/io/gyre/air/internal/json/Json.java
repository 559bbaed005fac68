package io.gyre.air.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one Jackson mapper of the interpreter: JSON bytes in and out of the particle data. */
public final class Json {
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper(new JsonFactory());

  private Json() {}

  public static JsonNode parse(byte[] bytes, int offset, int length) {
    try {
      return MAPPER.readTree(bytes, offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt JSON value in particle data", e);
    }
  }

  public static byte[] bytes(JsonNode node) {
    return JsonWriter.bytes(node);
  }
}
