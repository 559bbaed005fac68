package io.gyre.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A member of a room: its client's peer id, the relay it is reached through, and its nickname. The
 * JSON form is the room service's {@code Member} ({@code peer_id}, {@code relay_id}, {@code nick}).
 */
public record ChatMember(String peerId, String relayId, String nick) {
  public ChatMember {
    ChatJson.require(peerId, "peer_id");
    ChatJson.require(relayId, "relay_id");
    ChatJson.require(nick, "nick");
  }

  static ChatMember fromJson(JsonNode json) {
    return new ChatMember(
        ChatJson.text(json, "peer_id"),
        ChatJson.text(json, "relay_id"),
        ChatJson.text(json, "nick"));
  }

  static List<ChatMember> listFromJson(JsonNode json) {
    List<ChatMember> members = new ArrayList<>();
    json.forEach(member -> members.add(fromJson(member)));
    return List.copyOf(members);
  }

  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("peer_id", peerId);
    json.put("relay_id", relayId);
    json.put("nick", nick);
    return json;
  }
}
