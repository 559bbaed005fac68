package io.gyre.node.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads JSON into Jackson trees without recursion and within {@link JsonLimits}: every JSON text
 * the peer and the command line take from outside (HTTP bodies, {@code --args}, blueprints, specs)
 * comes through here, so no input can overflow a stack. {@link #depth} measures a tree the same way
 * before it is written out (Jackson's writers recurse too).
 */
public final class BoundedJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BoundedJson() {}

  /** The value of {@code text}; what is read is named in errors ("the body", "--args"). */
  public static JsonNode read(String text, JsonLimits limits, String what) {
    long bytes = (long) text.length() * 3;
    if (bytes > limits.maxBytes()
        && text.getBytes(StandardCharsets.UTF_8).length > limits.maxBytes()) {
      throw new JsonLimitException(
          JsonLimitException.Kind.TOO_LARGE,
          what + " has more than " + limits.maxBytes() + " bytes of JSON, the limit");
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      return read(parser, limits, what);
    } catch (JsonProcessingException e) {
      throw new JsonLimitException(
          JsonLimitException.Kind.NOT_JSON,
          what
              + " is not JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new JsonLimitException(
          JsonLimitException.Kind.NOT_JSON, what + " cannot be read: " + e.getMessage());
    }
  }

  /** As {@link #read(String, JsonLimits, String)}, for UTF-8 bytes. */
  public static JsonNode read(byte[] utf8, JsonLimits limits, String what) {
    if (utf8.length > limits.maxBytes()) {
      throw new JsonLimitException(
          JsonLimitException.Kind.TOO_LARGE,
          what + " has " + utf8.length + " bytes of JSON; the limit is " + limits.maxBytes());
    }
    return read(new String(utf8, StandardCharsets.UTF_8), limits, what);
  }

  private static JsonNode read(JsonParser parser, JsonLimits limits, String what)
      throws IOException {
    Deque<ContainerNode<?>> open = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    JsonNode root = null;
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      JsonNode value;
      switch (token) {
        case START_OBJECT, START_ARRAY -> {
          if (open.size() >= limits.maxDepth()) {
            throw new JsonLimitException(
                JsonLimitException.Kind.TOO_DEEP,
                what
                    + " is nested deeper than "
                    + limits.maxDepth()
                    + " levels (line "
                    + parser.getCurrentLocation().getLineNr()
                    + ", column "
                    + parser.getCurrentLocation().getColumnNr()
                    + "), the limit");
          }
          ContainerNode<?> container =
              token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
          add(open, names, container);
          if (open.isEmpty()) {
            root = container;
          }
          open.push(container);
          continue;
        }
        case END_OBJECT, END_ARRAY -> {
          open.pop();
          continue;
        }
        case FIELD_NAME -> {
          names.push(parser.getCurrentName());
          continue;
        }
        case VALUE_STRING -> value = NODES.textNode(parser.getText());
        case VALUE_NUMBER_INT -> value = integer(parser);
        case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(parser.getDoubleValue());
        case VALUE_TRUE -> value = NODES.booleanNode(true);
        case VALUE_FALSE -> value = NODES.booleanNode(false);
        case VALUE_NULL -> value = NODES.nullNode();
        default ->
            throw new JsonLimitException(
                JsonLimitException.Kind.NOT_JSON, what + " has an unexpected token " + token);
      }
      if (open.isEmpty()) {
        root = value;
      } else {
        add(open, names, value);
      }
    }
    if (root == null) {
      throw new JsonLimitException(
          JsonLimitException.Kind.NOT_JSON, what + " is empty; give a JSON value");
    }
    return root;
  }

  private static JsonNode integer(JsonParser parser) throws IOException {
    return switch (parser.getNumberType()) {
      case INT -> NODES.numberNode(parser.getIntValue());
      case LONG -> NODES.numberNode(parser.getLongValue());
      default -> NODES.numberNode(parser.getBigIntegerValue());
    };
  }

  private static void add(Deque<ContainerNode<?>> open, Deque<String> names, JsonNode value) {
    ContainerNode<?> parent = open.peek();
    if (parent instanceof ObjectNode object) {
      object.set(names.pop(), value);
    } else if (parent instanceof ArrayNode array) {
      array.add(value);
    }
  }

  /** How deep {@code node} nests (a scalar is 0, {@code []} is 1), measured without recursion. */
  public static int depth(JsonNode node) {
    int deepest = 0;
    Deque<Map.Entry<Iterator<JsonNode>, Integer>> stack = new ArrayDeque<>();
    if (node.isContainerNode()) {
      stack.push(Map.entry(node.elements(), 1));
      deepest = 1;
    }
    while (!stack.isEmpty()) {
      Map.Entry<Iterator<JsonNode>, Integer> top = stack.peek();
      if (!top.getKey().hasNext()) {
        stack.pop();
        continue;
      }
      JsonNode child = top.getKey().next();
      if (child.isContainerNode()) {
        int level = top.getValue() + 1;
        deepest = Math.max(deepest, level);
        stack.push(Map.entry(child.elements(), level));
      }
    }
    return deepest;
  }

  /** {@code node} if it nests at most {@code limits.maxDepth()} levels, else the error. */
  public static JsonNode checkDepth(JsonNode node, JsonLimits limits, String what) {
    int depth = depth(node);
    if (depth > limits.maxDepth()) {
      throw new JsonLimitException(
          JsonLimitException.Kind.TOO_DEEP,
          what + " is nested " + depth + " levels deep; the limit is " + limits.maxDepth());
    }
    return node;
  }
}
