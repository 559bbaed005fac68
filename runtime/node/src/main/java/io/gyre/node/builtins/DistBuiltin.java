package io.gyre.node.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.node.json.BoundedJson;
import io.gyre.node.json.JsonLimitException;
import io.gyre.node.json.JsonLimits;
import io.gyre.node.services.BlueprintRecord;
import io.gyre.node.services.ModuleRecord;
import io.gyre.node.services.RegistryClient;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceException;
import io.gyre.node.services.ServiceRuntime;
import io.gyre.node.services.ServiceTable;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code dist}: add_module, list_modules, get_module_interface, make_module_config,
 * default_module_config, make_blueprint, add_blueprint, list_blueprints, get_blueprint (aqua-lib
 * 0.10.2's {@code Dist}). Modules are checked by the service runtime and stored by content (sha256,
 * hex); a blueprint's dependencies name modules by hash ({@code hash:HEX} or {@code HEX}) or by
 * name (the latest module added under it), and its id is the sha256 of its name and dependency
 * hashes.
 */
public final class DistBuiltin {
  private DistBuiltin() {}

  public static BuiltinService create(
      RegistryClient registry, ServiceRuntime runtime, Executor executor) {
    return BuiltinService.named("dist")
        .asyncFunction("add_module", call -> addModule(call, registry, runtime, executor))
        .function("list_modules", call -> listModules(registry.table()))
        .asyncFunction(
            "get_module_interface",
            call -> {
              String hash =
                  moduleHash(call, registry.table(), Arguments.string(call, 0, "module_hash"));
              return CompletableFuture.supplyAsync(() -> runtime.moduleInterface(hash), executor);
            })
        .function(
            "default_module_config",
            call ->
                PeerBuiltin.JSON.objectNode().put("name", Arguments.string(call, 0, "module_name")))
        .function("make_module_config", DistBuiltin::makeModuleConfig)
        .function("make_blueprint", DistBuiltin::makeBlueprint)
        .asyncFunction("add_blueprint", call -> addBlueprint(call, registry))
        .function(
            "list_blueprints",
            call -> {
              ArrayNode out = PeerBuiltin.JSON.arrayNode();
              registry.table().blueprints().values().forEach(b -> out.add(blueprintJson(b)));
              return out;
            })
        .function(
            "get_blueprint",
            call -> {
              String id = Arguments.string(call, 0, "blueprint_id");
              BlueprintRecord blueprint = registry.table().blueprints().get(id);
              if (blueprint == null) {
                throw new ServiceException(
                    "dist.get_blueprint: no blueprint " + id + " on peer " + call.hostPeerId());
              }
              return blueprintJson(blueprint);
            })
        .build();
  }

  private static CompletionStage<JsonNode> addModule(
      ServiceCall call, RegistryClient registry, ServiceRuntime runtime, Executor executor) {
    byte[] wasm = moduleBytes(call);
    JsonNode config = call.argument(1);
    if (!config.isObject()
        || !config.path("name").isTextual()
        || config.path("name").textValue().isBlank()) {
      throw Arguments.wrongType(call, "config", "a ModuleConfig with a non-empty name", config);
    }
    String name = config.get("name").textValue();
    // The config is kept in the journal; Jackson's writer recurses.
    try {
      BoundedJson.checkDepth(config, JsonLimits.DEFAULT, "dist.add_module: the config");
    } catch (JsonLimitException e) {
      throw new ServiceException(e.getMessage());
    }
    return CompletableFuture.supplyAsync(() -> runtime.addModule(wasm), executor)
        .thenCompose(hash -> registry.addModule(new ModuleRecord(name, hash, config)))
        .thenApply(hash -> (JsonNode) new TextNode(hash));
  }

  /** aqua-lib declares {@code []u8}; its comment says base64: both are taken. */
  private static byte[] moduleBytes(ServiceCall call) {
    JsonNode bytes = call.argument(0);
    if (bytes.isTextual()) {
      try {
        return Base64.getDecoder().decode(bytes.textValue());
      } catch (IllegalArgumentException e) {
        throw new ServiceException(
            "dist.add_module: the module bytes are a string but not base64: " + e.getMessage());
      }
    }
    if (bytes.isArray()) {
      byte[] out = new byte[bytes.size()];
      for (int i = 0; i < out.length; i++) {
        JsonNode b = bytes.get(i);
        if (!b.isIntegralNumber() || b.intValue() < 0 || b.intValue() > 255) {
          throw new ServiceException(
              "dist.add_module: byte " + i + " of the module is " + b + ", not 0..255");
        }
        out[i] = (byte) b.intValue();
      }
      return out;
    }
    throw Arguments.wrongType(
        call, "wasm_b56_content", "the module's bytes ([]u8 or base64)", bytes);
  }

  private static JsonNode listModules(ServiceTable table) {
    ArrayNode out = PeerBuiltin.JSON.arrayNode();
    for (ModuleRecord module : table.modules().values()) {
      ObjectNode node = out.addObject();
      node.put("name", module.name());
      node.put("hash", module.hash());
      node.set("config", module.config());
    }
    return out;
  }

  private static JsonNode makeModuleConfig(ServiceCall call) {
    ObjectNode config = PeerBuiltin.JSON.objectNode();
    config.put("name", Arguments.string(call, 0, "name"));
    String[] optional = {"mem_pages_count", "max_heap_size", "logger_enabled"};
    for (int i = 0; i < optional.length; i++) {
      String field = optional[i];
      Arguments.option(call, i + 1, field).ifPresent(v -> config.set(field, v));
    }
    Arguments.option(call, 8, "logging_mask").ifPresent(v -> config.set("logging_mask", v));
    ObjectNode wasi = PeerBuiltin.JSON.objectNode();
    String[] wasiFields = {"envs", "mapped_dirs", "mounted_binaries"};
    for (int i = 0; i < wasiFields.length; i++) {
      String field = wasiFields[i];
      Arguments.option(call, 5 + i, field).ifPresent(v -> wasi.set(field, v));
    }
    if (wasi.size() > 0) {
      config.set("wasi", wasi);
    }
    return config;
  }

  private static JsonNode makeBlueprint(ServiceCall call) {
    ObjectNode blueprint = PeerBuiltin.JSON.objectNode();
    blueprint.put("name", Arguments.string(call, 0, "name"));
    ArrayNode dependencies = blueprint.putArray("dependencies");
    Arguments.strings(call, 1, "dependencies").forEach(dependencies::add);
    return new TextNode(blueprint.toString());
  }

  private static CompletionStage<JsonNode> addBlueprint(ServiceCall call, RegistryClient registry) {
    String text = Arguments.string(call, 0, "blueprint");
    JsonNode json;
    try {
      json = BoundedJson.read(text, JsonLimits.DEFAULT, "the blueprint");
    } catch (JsonLimitException e) {
      throw new ServiceException(
          "dist.add_blueprint: " + e.getMessage() + " (make it with dist.make_blueprint)");
    }
    if (!json.path("name").isTextual()
        || !json.path("dependencies").isArray()
        || json.get("dependencies").isEmpty()) {
      throw new ServiceException(
          "dist.add_blueprint: a blueprint is {\"name\": string, \"dependencies\": [module, ...]} with at least one module");
    }
    ServiceTable table = registry.table();
    List<String> hashes = new ArrayList<>();
    for (JsonNode dependency : json.get("dependencies")) {
      hashes.add(moduleHash(call, table, dependency.asText()));
    }
    String name = json.get("name").textValue();
    BlueprintRecord blueprint = BlueprintRecord.of(name, hashes);
    return registry.addBlueprint(blueprint).thenApply(id -> (JsonNode) new TextNode(id));
  }

  private static String moduleHash(ServiceCall call, ServiceTable table, String reference) {
    String hash = reference.startsWith("hash:") ? reference.substring(5) : reference;
    if (table.modules().containsKey(hash)) {
      return hash;
    }
    return table
        .moduleNamed(reference)
        .orElseThrow(
            () ->
                Arguments.failure(
                    call,
                    "no module '"
                        + reference
                        + "' on peer "
                        + call.hostPeerId()
                        + " (add it with dist.add_module)"))
        .hash();
  }

  private static ObjectNode blueprintJson(BlueprintRecord blueprint) {
    ObjectNode node = PeerBuiltin.JSON.objectNode();
    node.put("id", blueprint.id());
    node.put("name", blueprint.name());
    ArrayNode dependencies = node.putArray("dependencies");
    blueprint.dependencies().forEach(dependencies::add);
    return node;
  }
}
