package io.gyre.air.builtins.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.js.JsValues;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The argument checks of js-client's builtins (zod schemas) with the messages its error map gives:
 * a wrong count is "Expected N argument(s). Got M", a wrong top-level argument "Argument I expected
 * to be of type T, Got U", a wrong nested value zod's own "Expected T, received U".
 */
public final class ArgumentSchema {

  /** What a value must be. */
  public enum Kind {
    ANY,
    NUMBER,
    STRING,
    /** a JSON object (zod's {@code z.record}) */
    OBJECT,
    ARRAY,
    NUMBER_ARRAY;

    /** The first problem with {@code value}, located under {@code path}. */
    Optional<Issue> check(JsonNode value, int[] path) {
      String expected =
          switch (this) {
            case ANY -> null;
            case NUMBER -> value.isNumber() ? null : "number";
            case STRING -> value.isTextual() ? null : "string";
            case OBJECT -> value.isObject() ? null : "object";
            case ARRAY, NUMBER_ARRAY -> value.isArray() ? null : "array";
          };
      if (expected != null) {
        return Optional.of(new Issue(path, expected, JsValues.typeName(value)));
      }
      if (this == NUMBER_ARRAY) {
        for (int i = 0; i < value.size(); i++) {
          Optional<Issue> issue = NUMBER.check(value.get(i), append(path, i));
          if (issue.isPresent()) {
            return issue;
          }
        }
      }
      return Optional.empty();
    }
  }

  /** A value of the wrong type at {@code path} (argument index first). */
  public record Issue(int[] path, String expected, String received) {
    public String message() {
      if (path.length == 1) {
        return "Argument " + path[0] + " expected to be of type " + expected + ", Got " + received;
      }
      return "Expected " + expected + ", received " + received;
    }

    public BuiltinReply reply() {
      return BuiltinReply.error(message());
    }
  }

  private ArgumentSchema() {}

  /** A fixed argument list ({@code z.tuple}): the count first, then each argument in order. */
  public static Optional<BuiltinReply> tuple(List<JsonNode> args, Kind... kinds) {
    if (args.size() != kinds.length) {
      return Optional.of(BuiltinReply.error(countMessage(kinds.length, args.size())));
    }
    for (int i = 0; i < kinds.length; i++) {
      Optional<Issue> issue = kinds[i].check(args.get(i), new int[] {i});
      if (issue.isPresent()) {
        return issue.map(Issue::reply);
      }
    }
    return Optional.empty();
  }

  /** Any number of arguments of one kind ({@code z.array(kind)}). */
  public static Optional<BuiltinReply> each(List<JsonNode> args, Kind kind) {
    for (int i = 0; i < args.size(); i++) {
      Optional<Issue> issue = kind.check(args.get(i), new int[] {i});
      if (issue.isPresent()) {
        return issue.map(Issue::reply);
      }
    }
    return Optional.empty();
  }

  /** The count message zod's too_small/too_big issues get from js-client's error map. */
  public static String countMessage(int expected, int got) {
    return "Expected " + expected + " argument(s). Got " + got;
  }

  static int[] append(int[] path, int index) {
    int[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = index;
    return out;
  }

  /**
   * The copy zod hands on after checking a value against js-client's JSON schema: zod rebuilds
   * every object and leaves out {@code "__proto__"} keys.
   */
  public static JsonNode parsedJson(JsonNode value) {
    if (value.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
      value.forEach(element -> out.add(parsedJson(element)));
      return out;
    }
    if (value.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String key : JsValues.ownKeys(value)) {
        if (!key.equals("__proto__")) {
          out.set(key, parsedJson(value.get(key)));
        }
      }
      return out;
    }
    return value;
  }
}
