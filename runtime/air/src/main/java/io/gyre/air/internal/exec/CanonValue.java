package io.gyre.air.internal.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gyre.air.Tetraplet;
import io.gyre.air.internal.json.Json;
import java.util.List;

/**
 * A canon stream ({@code #c}) or canon map ({@code #%c}): a fixed snapshot of elements, each with
 * its own tetraplet, and the canon's tetraplet (the peer that made it). A map's elements are {@code
 * {"key": k, "value": v}} objects.
 */
final class CanonValue {
  final List<Val> elements;
  final Tetraplet tetraplet;
  final boolean map;
  private JsonNode node;

  CanonValue(List<Val> elements, Tetraplet tetraplet, boolean map) {
    this.elements = List.copyOf(elements);
    this.tetraplet = tetraplet;
    this.map = map;
  }

  /** As a call argument: a stream's array of values, or a map's object of key to all its values. */
  JsonNode node() {
    if (node == null) {
      node = map ? CanonMaps.grouped(elements) : array();
    }
    return node;
  }

  private JsonNode array() {
    ArrayNode array = Json.NODES.arrayNode(elements.size());
    for (Val element : elements) {
      array.add(element.node());
    }
    return array;
  }
}
