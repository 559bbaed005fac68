package io.gyre.air.builtins.internal;

import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.ARRAY;
import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.NUMBER_ARRAY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.js.JsNumbers;
import io.gyre.air.js.JsValues;
import java.util.List;
import java.util.Map;

/**
 * js-client's {@code array} service. Membership is JS's SameValueZero, so objects and arrays (each
 * a fresh value from JSON.parse) never match anything: {@code dedup} keeps every one of them and
 * {@code intersect} drops them.
 */
public final class ArrayService {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ArrayService() {}

  public static Map<String, BuiltinFunction> functions() {
    return Map.of(
        "sum",
        ArrayService::sum,
        "dedup",
        ArrayService::dedup,
        "intersect",
        (args, now) -> pairwise(args, (xs, ys) -> filter(xs, ys, true)),
        "diff",
        (args, now) -> pairwise(args, (xs, ys) -> filter(xs, ys, false)),
        "sdiff",
        (args, now) ->
            pairwise(args, (xs, ys) -> filter(xs, ys, false).addAll(filter(ys, xs, false))));
  }

  private static BuiltinReply sum(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, NUMBER_ARRAY)
        .orElseGet(
            () -> {
              double total = 0;
              for (JsonNode x : args.get(0)) {
                total += JsNumbers.toDouble(x);
              }
              return BuiltinReply.success(JsNumbers.toNode(total));
            });
  }

  private static BuiltinReply dedup(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, ARRAY)
        .orElseGet(
            () -> {
              ArrayNode out = NODES.arrayNode();
              for (JsonNode x : args.get(0)) {
                if (!contains(out, x)) {
                  out.add(x);
                }
              }
              return BuiltinReply.success(out);
            });
  }

  private interface ArrayOperation {
    ArrayNode apply(JsonNode xs, JsonNode ys);
  }

  private static BuiltinReply pairwise(List<JsonNode> args, ArrayOperation op) {
    return ArgumentSchema.tuple(args, ARRAY, ARRAY)
        .orElseGet(() -> BuiltinReply.success(op.apply(args.get(0), args.get(1))));
  }

  private static ArrayNode filter(JsonNode xs, JsonNode ys, boolean keepMembers) {
    ArrayNode out = NODES.arrayNode();
    for (JsonNode x : xs) {
      if (contains(ys, x) == keepMembers) {
        out.add(x);
      }
    }
    return out;
  }

  /** {@code Array.prototype.includes}. */
  private static boolean contains(JsonNode array, JsonNode x) {
    for (JsonNode y : array) {
      if (JsValues.sameValueZero(x, y)) {
        return true;
      }
    }
    return false;
  }
}
