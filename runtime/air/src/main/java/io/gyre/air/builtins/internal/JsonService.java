package io.gyre.air.builtins.internal;

import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.ANY;
import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.OBJECT;
import static io.gyre.air.builtins.internal.ArgumentSchema.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.js.JsJson;
import io.gyre.air.js.JsJsonSyntaxException;
import io.gyre.air.js.JsValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** js-client's {@code json} service: build objects from key/value arguments, parse, stringify. */
public final class JsonService {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonService() {}

  public static Map<String, BuiltinFunction> functions() {
    return Map.of(
        "obj", JsonService::obj,
        "put", JsonService::put,
        "puts", JsonService::puts,
        "stringify", JsonService::stringify,
        "parse", JsonService::parse);
  }

  /** {@code json.obj(k1, v1, k2, v2, …)}. */
  private static BuiltinReply obj(List<JsonNode> args, long now) {
    if (args.size() % 2 != 0) {
      return BuiltinReply.error("Expected even number of argument(s). Got " + args.size());
    }
    return keysAreStrings(args, 0)
        .orElseGet(() -> BuiltinReply.success(withPairs(NODES.objectNode(), args, 0)));
  }

  /** {@code json.put(obj, key, value)}. */
  private static BuiltinReply put(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, OBJECT, STRING, ANY)
        .orElseGet(() -> BuiltinReply.success(withPairs(args.get(0), args, 1)));
  }

  /** {@code json.puts(obj, k1, v1, k2, v2, …)}. */
  private static BuiltinReply puts(List<JsonNode> args, long now) {
    if (args.size() < 3) {
      return BuiltinReply.error("Expected more than 3 argument(s). Got " + args.size());
    }
    if (args.size() % 2 != 1) {
      return BuiltinReply.error("Argument count must be odd.");
    }
    Optional<BuiltinReply> badObject = OBJECT.check(args.get(0), new int[] {0}).map(i -> i.reply());
    if (badObject.isPresent()) {
      return badObject.get();
    }
    return keysAreStrings(args, 1)
        .orElseGet(() -> BuiltinReply.success(withPairs(args.get(0), args, 1)));
  }

  private static BuiltinReply stringify(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, OBJECT)
        .orElseGet(
            () ->
                BuiltinReply.success(
                    NODES.textNode(JsJson.stringify(ArgumentSchema.parsedJson(args.get(0))))));
  }

  private static BuiltinReply parse(List<JsonNode> args, long now) {
    return ArgumentSchema.tuple(args, STRING)
        .orElseGet(
            () -> {
              try {
                return BuiltinReply.success(JsJson.parse(args.get(0).textValue()));
              } catch (JsJsonSyntaxException e) {
                return BuiltinReply.error(e.getMessage());
              }
            });
  }

  /** The keys at {@code from}, {@code from + 2}, … must be strings (zod path [pair, 0]). */
  private static Optional<BuiltinReply> keysAreStrings(List<JsonNode> args, int from) {
    for (int i = from; i < args.size(); i += 2) {
      Optional<ArgumentSchema.Issue> issue =
          STRING.check(args.get(i), new int[] {(i - from) / 2 + from, 0});
      if (issue.isPresent()) {
        return issue.map(ArgumentSchema.Issue::reply);
      }
    }
    return Optional.empty();
  }

  /** {@code {...base, ...Object.fromEntries(pairs)}} in JS property order. */
  private static ObjectNode withPairs(JsonNode base, List<JsonNode> args, int from) {
    ObjectNode merged = NODES.objectNode();
    JsonNode parsedBase = ArgumentSchema.parsedJson(base);
    parsedBase.fieldNames().forEachRemaining(key -> merged.set(key, parsedBase.get(key)));
    for (int i = from; i + 1 < args.size(); i += 2) {
      merged.set(args.get(i).textValue(), ArgumentSchema.parsedJson(args.get(i + 1)));
    }
    ObjectNode ordered = NODES.objectNode();
    JsValues.ownKeys(merged).forEach(key -> ordered.set(key, merged.get(key)));
    return ordered;
  }
}
