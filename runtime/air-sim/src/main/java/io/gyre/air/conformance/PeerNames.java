package io.gyre.air.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.js.JsValues;
import io.gyre.air.spec.PeerBook;
import io.gyre.identity.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpus writes peers by seed name: every known peer id, also inside longer strings and in
 * object keys, becomes {@code @peer:NAME} (peerids.mjs's {@code normalizePeers}).
 */
public final class PeerNames {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PEER_ID_MARK = "12D3KooW";

  /** The default names' ids, derived once (key derivation is the slow part). */
  private static final Map<String, String> DEFAULT_NAME_BY_ID =
      namesById(PeerBook.DEFAULT_NAMES, Map.of());

  private final Map<String, String> nameById;

  private PeerNames(Map<String, String> nameById) {
    this.nameById = nameById;
  }

  /** The default seed names and {@code extraSeeds}; the first name of an id wins. */
  public static PeerNames of(List<String> extraSeeds) {
    return new PeerNames(namesById(extraSeeds, DEFAULT_NAME_BY_ID));
  }

  private static Map<String, String> namesById(List<String> names, Map<String, String> known) {
    Map<String, String> nameById = new LinkedHashMap<>(known);
    for (String name : names) {
      nameById.putIfAbsent(KeyPair.fromSeedName(name).peerId().base58(), name);
    }
    return nameById;
  }

  /** {@code value} with every known peer id replaced by {@code @peer:NAME}. */
  public JsonNode normalize(JsonNode value) {
    if (value.isTextual()) {
      return NODES.textNode(normalize(value.textValue()));
    }
    if (value.isArray()) {
      ArrayNode out = NODES.arrayNode();
      value.forEach(element -> out.add(normalize(element)));
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = NODES.objectNode();
      for (String key : JsValues.ownKeys(value)) {
        out.set(normalize(key), normalize(value.get(key)));
      }
      return out;
    }
    return value;
  }

  /** A string with every known peer id in it replaced by {@code @peer:NAME}. */
  public String normalize(String s) {
    if (!s.contains(PEER_ID_MARK)) {
      return s;
    }
    String out = s;
    for (Map.Entry<String, String> e : nameById.entrySet()) {
      if (out.contains(e.getKey())) {
        out = out.replace(e.getKey(), "@peer:" + e.getValue());
      }
    }
    return out;
  }
}
