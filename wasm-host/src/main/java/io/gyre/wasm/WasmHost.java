package io.gyre.wasm;

import io.gyre.wasm.internal.instance.CallThreads;
import io.gyre.wasm.internal.instance.ServiceRuntime;
import io.gyre.wasm.internal.instance.Watchdog;
import io.gyre.wasm.internal.module.BlueprintLinker;
import io.gyre.wasm.internal.module.LoadedModule;
import io.gyre.wasm.internal.module.ModuleLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The WebAssembly service host: modules in, services out. Mirrors the node's builtins — {@link
 * #addModule} is {@code dist.add_module}, {@link #addBlueprint} is {@code dist.add_blueprint},
 * {@link #createService} is {@code srv.create} — and everything wrong with a module, blueprint or
 * service is refused there with a {@link DeployException}, never at its first call. Thread-safe.
 */
public final class WasmHost implements AutoCloseable {

  private final HostOptions options;
  private final ModuleLoader loader;
  private final Map<String, LoadedModule> modules = new ConcurrentHashMap<>();
  private final Map<String, Blueprint> blueprints = new ConcurrentHashMap<>();
  private final Map<String, Service> services = new ConcurrentHashMap<>();
  private final CallThreads threads;
  private final Watchdog watchdog = new Watchdog();

  private WasmHost(HostOptions options) {
    this.options = options;
    this.loader = new ModuleLoader(options.mode(), options.fuelMetering());
    this.threads =
        new CallThreads(
            options.callThreads(), options.callStackBytes(), options.runOnCallerThread());
  }

  public static WasmHost create() {
    return create(HostOptions.DEFAULT);
  }

  public static WasmHost create(HostOptions options) {
    return new WasmHost(options);
  }

  public HostOptions options() {
    return options;
  }

  /**
   * Validates, meters and compiles a module and keeps it under its content address. Adding the same
   * bytes again returns the same id without redoing the work.
   */
  public ModuleId addModule(byte[] bytes) {
    ModuleId id = ModuleId.of(bytes);
    modules.computeIfAbsent(id.hex(), k -> loader.load(bytes));
    return id;
  }

  /** Describes bytes as {@link #addModule} would load them, without keeping them. */
  public ModuleDescription describe(byte[] bytes) {
    LoadedModule known = modules.get(ModuleId.of(bytes).hex());
    return known != null ? known.description() : loader.load(bytes).description();
  }

  public Optional<ModuleDescription> module(ModuleId id) {
    return Optional.ofNullable(modules.get(id.hex())).map(LoadedModule::description);
  }

  /**
   * Checks that a blueprint links — its modules are added, every import resolves to an allowed host
   * function or an earlier module's export — and keeps it. Returns its id: the hex SHA-256 of its
   * name, module names and ids, and capabilities.
   */
  public String addBlueprint(Blueprint blueprint) {
    BlueprintLinker.link(blueprint, modules);
    String id = blueprintId(blueprint);
    blueprints.put(id, blueprint);
    return id;
  }

  public Optional<Blueprint> blueprint(String blueprintId) {
    return Optional.ofNullable(blueprints.get(blueprintId));
  }

  /**
   * Instantiates a blueprint as service {@code serviceId}: fresh memory for each module, start
   * functions and {@code _initialize} run (metered, under the limits).
   */
  public Service createService(String serviceId, String blueprintId, ServiceLimits limits) {
    Blueprint blueprint = blueprints.get(blueprintId);
    if (blueprint == null) {
      throw new DeployException("no blueprint " + blueprintId);
    }
    if (services.containsKey(serviceId)) {
      throw new DeployException("service " + serviceId + " already exists");
    }
    List<LoadedModule> linked = BlueprintLinker.link(blueprint, modules);
    Service service = new ServiceRuntime(serviceId, blueprint, linked, limits, threads, watchdog);
    if (services.putIfAbsent(serviceId, service) != null) {
      throw new DeployException("service " + serviceId + " already exists");
    }
    return service;
  }

  public Optional<Service> service(String serviceId) {
    return Optional.ofNullable(services.get(serviceId));
  }

  /** Removes a service; its instances and state are dropped. */
  public boolean removeService(String serviceId) {
    return services.remove(serviceId) != null;
  }

  /**
   * Threads whose calls run directly on them (no hand-over to a call thread): for a caller that
   * makes many calls, such as a node's dispatcher.
   */
  public ThreadFactory callThreadFactory() {
    return CallThreads.factory(options.callStackBytes());
  }

  @Override
  public void close() {
    threads.close();
    watchdog.close();
  }

  private static String blueprintId(Blueprint blueprint) {
    StringBuilder canonical = new StringBuilder(blueprint.name());
    blueprint
        .modules()
        .forEach(m -> canonical.append('\n').append(m.name()).append('=').append(m.module()));
    blueprint.capabilities().stream()
        .map(Enum::name)
        .sorted()
        .forEach(c -> canonical.append('\n').append(c));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
