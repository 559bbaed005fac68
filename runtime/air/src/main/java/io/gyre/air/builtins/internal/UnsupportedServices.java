package io.gyre.air.builtins.internal;

import io.gyre.air.builtins.BuiltinReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services js-client lists but does not implement ({@code kad srv dist script}): each answers
 * ret_code 1 "The JS implementation of Peer does not support "svc.fn"". A real peer registers its
 * own versions ahead of these.
 */
public final class UnsupportedServices {
  private static final Map<String, List<String>> FUNCTIONS =
      Map.of(
          "kad", List.of("neighborhood", "merge"),
          "srv", List.of("list", "create", "get_interface", "resolve_alias", "add_alias", "remove"),
          "dist",
              List.of(
                  "add_module_from_vault",
                  "add_module",
                  "add_blueprint",
                  "make_module_config",
                  "load_module_config",
                  "default_module_config",
                  "make_blueprint",
                  "load_blueprint",
                  "list_modules",
                  "get_module_interface",
                  "list_blueprints"),
          "script", List.of("add", "remove", "list"));

  private UnsupportedServices() {}

  public static Map<String, Map<String, BuiltinFunction>> services() {
    Map<String, Map<String, BuiltinFunction>> services = new LinkedHashMap<>();
    FUNCTIONS.forEach(
        (service, functions) -> {
          Map<String, BuiltinFunction> byName = new LinkedHashMap<>();
          functions.forEach(fn -> byName.put(fn, notImplemented(service + "." + fn)));
          services.put(service, Map.copyOf(byName));
        });
    return services;
  }

  static BuiltinFunction notImplemented(String method) {
    return (args, now) ->
        BuiltinReply.error("The JS implementation of Peer does not support \"" + method + "\"");
  }
}
