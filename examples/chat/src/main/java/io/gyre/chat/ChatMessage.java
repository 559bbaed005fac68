package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A message the room kept: its number in the room ({@code seq}, from 0), its author's peer id and
 * nickname, the text, and the room host's clock when it was posted (ms since the epoch). The JSON
 * form is the room service's {@code Message}.
 */
public record ChatMessage(long seq, String from, String nick, String text, long timestampMs) {
  public ChatMessage {
    ChatJson.require(from, "from");
    ChatJson.require(nick, "nick");
    ChatJson.require(text, "text");
  }

  static ChatMessage fromJson(JsonNode json) {
    return new ChatMessage(
        ChatJson.number(json, "seq"),
        ChatJson.text(json, "from"),
        ChatJson.text(json, "nick"),
        ChatJson.text(json, "text"),
        ChatJson.number(json, "ts"));
  }

  static List<ChatMessage> listFromJson(JsonNode json) {
    List<ChatMessage> messages = new ArrayList<>();
    json.forEach(message -> messages.add(fromJson(message)));
    return List.copyOf(messages);
  }

  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("seq", seq);
    json.put("from", from);
    json.put("nick", nick);
    json.put("text", text);
    json.put("ts", timestampMs);
    return json;
  }
}
