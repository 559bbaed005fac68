package io.gyre.node.services;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One peer's modules, blueprints and services with their aliases: an immutable value, the state of
 * the {@link ServiceRegistry} and the snapshot readers use without asking it.
 */
public record ServiceTable(
    Map<String, ModuleRecord> modules,
    Map<String, BlueprintRecord> blueprints,
    Map<String, ServiceRecord> services)
    implements io.gyre.node.actor.GyreSerializable {

  public static final ServiceTable EMPTY = new ServiceTable(Map.of(), Map.of(), Map.of());

  public ServiceTable {
    modules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    blueprints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(blueprints));
    services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
  }

  /** A service by id, or by one of its aliases. */
  public Optional<ServiceRecord> resolve(String idOrAlias) {
    ServiceRecord byId = services.get(idOrAlias);
    if (byId != null) {
      return Optional.of(byId);
    }
    return services.values().stream().filter(s -> s.aliases().contains(idOrAlias)).findFirst();
  }

  /** The latest module added under {@code name}. */
  public Optional<ModuleRecord> moduleNamed(String name) {
    ModuleRecord found = null;
    for (ModuleRecord module : modules.values()) {
      if (module.name().equals(name)) {
        found = module;
      }
    }
    return Optional.ofNullable(found);
  }

  public Collection<ServiceRecord> serviceList() {
    return List.copyOf(services.values());
  }

  ServiceTable withModule(ModuleRecord module) {
    Map<String, ModuleRecord> next = new LinkedHashMap<>(modules);
    next.put(module.hash(), module);
    return new ServiceTable(next, blueprints, services);
  }

  ServiceTable withBlueprint(BlueprintRecord blueprint) {
    Map<String, BlueprintRecord> next = new LinkedHashMap<>(blueprints);
    next.put(blueprint.id(), blueprint);
    return new ServiceTable(modules, next, services);
  }

  ServiceTable withService(ServiceRecord service) {
    Map<String, ServiceRecord> next = new LinkedHashMap<>(services);
    next.put(service.id(), service);
    return new ServiceTable(modules, blueprints, next);
  }

  ServiceTable withoutService(String serviceId) {
    Map<String, ServiceRecord> next = new LinkedHashMap<>(services);
    next.remove(serviceId);
    return new ServiceTable(modules, blueprints, next);
  }

  /** Moves {@code alias} to {@code serviceId} (an alias names one service on a peer). */
  ServiceTable withAlias(String alias, String serviceId) {
    Map<String, ServiceRecord> next = new LinkedHashMap<>();
    services.forEach(
        (id, record) ->
            next.put(
                id, id.equals(serviceId) ? record.withAlias(alias) : record.withoutAlias(alias)));
    return new ServiceTable(modules, blueprints, next);
  }
}
