package io.gyre.node.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.node.services.BlueprintRecord;
import io.gyre.node.services.RegistryClient;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceException;
import io.gyre.node.services.ServiceRecord;
import io.gyre.node.services.ServiceRuntime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code srv}: create, remove, list, add_alias, resolve_alias, resolve_alias_opt, get_interface,
 * info (aqua-lib 0.10.2's {@code Srv}). The owner of a service is the init peer of the particle
 * that created it; only the owner removes or aliases it.
 */
public final class SrvBuiltin {
  private SrvBuiltin() {}

  /**
   * @param executor where module work (instantiation) runs, off the particle's thread
   */
  public static BuiltinService create(
      RegistryClient registry, ServiceRuntime runtime, Executor executor) {
    return BuiltinService.named("srv")
        .asyncFunction("create", call -> create(call, registry, runtime, executor))
        .asyncFunction("remove", call -> remove(call, registry, runtime))
        .function("list", call -> list(registry))
        .asyncFunction(
            "add_alias",
            call ->
                registry
                    .addAlias(
                        Arguments.string(call, 0, "alias"),
                        Arguments.string(call, 1, "service_id"),
                        call.initPeerId())
                    .thenApply(done -> PeerBuiltin.JSON.nullNode()))
        .function(
            "resolve_alias",
            call ->
                new TextNode(
                    byAlias(call, registry)
                        .orElseThrow(
                            () ->
                                new ServiceException(
                                    "srv.resolve_alias: no alias '"
                                        + Arguments.string(call, 0, "alias")
                                        + "' on peer "
                                        + call.hostPeerId()))
                        .id()))
        .function(
            "resolve_alias_opt",
            call -> {
              ArrayNode option = PeerBuiltin.JSON.arrayNode();
              byAlias(call, registry).ifPresent(s -> option.add(s.id()));
              return option;
            })
        .asyncFunction(
            "get_interface",
            call -> {
              ServiceRecord service = service(call, registry, "service_id");
              BlueprintRecord blueprint = registry.table().blueprints().get(service.blueprintId());
              return CompletableFuture.supplyAsync(
                  () -> runtime.serviceInterface(service.id(), blueprint), executor);
            })
        .function("info", call -> serviceJson(service(call, registry, "service_id")))
        .build();
  }

  /** aqua-lib's {@code Service}: id, blueprint_id, service_type, owner_id, aliases, worker_id. */
  public static ObjectNode serviceJson(ServiceRecord service) {
    ObjectNode node = PeerBuiltin.JSON.objectNode();
    node.put("id", service.id());
    node.put("blueprint_id", service.blueprintId());
    node.put("service_type", "service");
    node.put("owner_id", service.ownerPeerId());
    ArrayNode aliases = node.putArray("aliases");
    service.aliases().forEach(aliases::add);
    node.put("worker_id", service.hostPeerId());
    return node;
  }

  private static CompletionStage<JsonNode> create(
      ServiceCall call, RegistryClient registry, ServiceRuntime runtime, Executor executor) {
    String blueprintId = Arguments.string(call, 0, "blueprint_id");
    BlueprintRecord blueprint = registry.table().blueprints().get(blueprintId);
    if (blueprint == null) {
      throw new ServiceException(
          "srv.create: blueprint " + blueprintId + " was not added to peer " + call.hostPeerId());
    }
    String serviceId = UUID.randomUUID().toString();
    return CompletableFuture.runAsync(() -> runtime.startService(serviceId, blueprint), executor)
        .thenCompose(started -> registry.createService(serviceId, blueprintId, call.initPeerId()))
        .thenApply(record -> (JsonNode) new TextNode(record.id()));
  }

  private static CompletionStage<JsonNode> remove(
      ServiceCall call, RegistryClient registry, ServiceRuntime runtime) {
    ServiceRecord service = service(call, registry, "service_id");
    return registry
        .removeService(service.id(), call.initPeerId())
        .thenApply(
            done -> {
              runtime.stopService(service.id());
              return PeerBuiltin.JSON.nullNode();
            });
  }

  private static JsonNode list(RegistryClient registry) {
    ArrayNode out = PeerBuiltin.JSON.arrayNode();
    registry.table().serviceList().forEach(s -> out.add(serviceJson(s)));
    return out;
  }

  private static ServiceRecord service(ServiceCall call, RegistryClient registry, String argument) {
    String idOrAlias = Arguments.string(call, 0, argument);
    return registry
        .table()
        .resolve(idOrAlias)
        .orElseThrow(
            () ->
                Arguments.failure(
                    call, "no service '" + idOrAlias + "' on peer " + call.hostPeerId()));
  }

  private static Optional<ServiceRecord> byAlias(ServiceCall call, RegistryClient registry) {
    String alias = Arguments.string(call, 0, "alias");
    return registry.table().serviceList().stream()
        .filter(s -> s.aliases().contains(alias))
        .findFirst();
  }
}
