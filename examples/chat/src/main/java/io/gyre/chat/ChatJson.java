package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the room service's JSON strictly: a missing or mistyped field is a clear error. */
final class ChatJson {
  private ChatJson() {}

  static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("chat: expected a string '" + field + "' in " + json);
    }
    return value.textValue();
  }

  static long number(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.canConvertToLong() || value.asLong() < 0) {
      throw new IllegalArgumentException(
          "chat: expected a non-negative integer '" + field + "' in " + json);
    }
    return value.asLong();
  }

  static void require(Object value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("chat: " + field + " is missing");
    }
  }
}
