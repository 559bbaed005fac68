package io.gyre.air.builtins.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.builtins.BuiltinReply;
import io.gyre.air.js.JsJson;
import java.util.List;
import java.util.Map;

/** js-client's {@code debug.stringify} and {@code run-console.print}. */
public final class DiagnosticServices {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DiagnosticServices() {}

  public static Map<String, BuiltinFunction> debug() {
    return Map.of("stringify", DiagnosticServices::stringify);
  }

  /** js-client logs the arguments to the console; a host that wants them records the call. */
  public static Map<String, BuiltinFunction> runConsole() {
    return Map.of("print", (args, now) -> BuiltinReply.success(NODES.objectNode()));
  }

  /** The arguments as js-client's 4-space JSON text (one: the argument, more: the array). */
  private static BuiltinReply stringify(List<JsonNode> args, long now) {
    JsonNode shown =
        switch (args.size()) {
          case 0 -> NODES.textNode("<empty argument list>");
          case 1 -> args.get(0);
          default -> NODES.arrayNode().addAll(args);
        };
    return BuiltinReply.success(NODES.textNode(JsJson.stringify(shown, 4)));
  }
}
