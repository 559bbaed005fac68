package io.gyre.air.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gyre.air.CallResult;
import io.gyre.air.builtins.internal.ArrayService;
import io.gyre.air.builtins.internal.BuiltinFunction;
import io.gyre.air.builtins.internal.DiagnosticServices;
import io.gyre.air.builtins.internal.HandlerFailure;
import io.gyre.air.builtins.internal.JsonService;
import io.gyre.air.builtins.internal.MathService;
import io.gyre.air.builtins.internal.OpService;
import io.gyre.air.builtins.internal.PeerService;
import io.gyre.air.builtins.internal.UnsupportedServices;
import io.gyre.air.js.JsJson;
import io.gyre.air.js.JsValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The builtin services of js-client 0.9.0 ({@code dist/services/builtins.js}), answer for answer:
 * {@code op math cmp array json debug peer run-console}, and the {@code kad srv dist script}
 * functions it declares but refuses. Arguments are taken as a JS handler sees them, results and
 * error messages (ret_code 1, zod's wording for bad arguments) are the real handlers'.
 */
public final class StandardBuiltins {
  private static final Map<String, Map<String, BuiltinFunction>> SERVICES = services();

  private StandardBuiltins() {}

  private static Map<String, Map<String, BuiltinFunction>> services() {
    Map<String, Map<String, BuiltinFunction>> services = new LinkedHashMap<>();
    services.put("peer", PeerService.functions());
    services.putAll(UnsupportedServices.services());
    services.put("op", OpService.functions());
    services.put("debug", DiagnosticServices.debug());
    services.put("math", MathService.math());
    services.put("cmp", MathService.cmp());
    services.put("array", ArrayService.functions());
    services.put("json", JsonService.functions());
    services.put("run-console", DiagnosticServices.runConsole());
    return Map.copyOf(services);
  }

  /** True when js-client has a handler for {@code serviceId.fn}. */
  public static boolean handles(String serviceId, String fn) {
    Map<String, BuiltinFunction> functions = SERVICES.get(serviceId);
    return functions != null && functions.containsKey(fn);
  }

  /** The service ids js-client registers. */
  public static Set<String> serviceIds() {
    return SERVICES.keySet();
  }

  /**
   * Calls a builtin as js-client does; an unknown function gets js-client's "No service found"
   * error.
   *
   * @param nowMs the caller's clock, for {@code peer.timestamp_ms} and {@code peer.timestamp_sec}
   */
  public static BuiltinReply call(String serviceId, String fn, List<JsonNode> args, long nowMs) {
    if (!handles(serviceId, fn)) {
      return new BuiltinReply(notFound(serviceId, fn, args), 0);
    }
    List<JsonNode> jsArgs = JsValues.normalize(args);
    try {
      return SERVICES.get(serviceId).get(fn).call(jsArgs, nowMs);
    } catch (HandlerFailure | RuntimeException e) {
      // js-client's FluencePeer answers a throwing handler this way
      return BuiltinReply.error(
          "Service call failed. fnName=\""
              + fn
              + "\" serviceId=\""
              + serviceId
              + "\" error: "
              + e.getMessage());
    }
  }

  /** js-client's answer to a call nobody handles. */
  public static CallResult notFound(String serviceId, String fn, List<JsonNode> args) {
    String message =
        "No service found for service call: serviceId='"
            + serviceId
            + "', fnName='"
            + fn
            + "' args='"
            + JsJson.stringify(JsonNodeFactory.instance.arrayNode().addAll(args), 4)
            + "'";
    return CallResult.error(1, JsonNodeFactory.instance.textNode(message));
  }
}
