package io.gyre.node.services.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gyre.air.CallResult;
import io.gyre.node.services.BlueprintRecord;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceException;
import io.gyre.node.services.ServiceRuntime;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.BlueprintModule;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.DataType;
import io.gyre.wasm.DeployException;
import io.gyre.wasm.HostCapability;
import io.gyre.wasm.ModuleDescription;
import io.gyre.wasm.ModuleId;
import io.gyre.wasm.NamedType;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceFunction;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.Tetraplet;
import io.gyre.wasm.WasmHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Deployed services on wasm-host (Chicory): modules are checked by it and kept in the {@link
 * ModuleStore}; services are instantiated from their blueprints, and after a restart again on their
 * first call (their records come back from the journal, their modules from disk; a service's memory
 * starts fresh). Calls run on wasm-host's call threads, never on a particle's.
 */
public final class WasmServiceRuntime implements ServiceRuntime, AutoCloseable {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final WasmHost host;
  private final ModuleStore store;
  private final ServiceLimits limits;
  private final Function<String, String> moduleNames;
  private final Map<String, String> hostBlueprints = new ConcurrentHashMap<>();
  private final ExecutorService calls;
  private volatile CallRecording recording = CallRecording.NONE;

  /**
   * @param moduleNames a module's import name by its hash (the registry's records)
   * @param callThreads how many service calls run at once
   */
  public WasmServiceRuntime(
      ModuleStore store,
      ServiceLimits limits,
      Function<String, String> moduleNames,
      int callThreads) {
    this.host = WasmHost.create();
    this.store = store;
    this.limits = limits;
    this.moduleNames = moduleNames;
    this.calls = Executors.newFixedThreadPool(callThreads, host.callThreadFactory());
  }

  @Override
  public String addModule(byte[] wasm) {
    ModuleId id;
    try {
      id = host.addModule(wasm);
    } catch (DeployException e) {
      throw new ServiceException("dist.add_module: the module is refused: " + e.getMessage(), e);
    }
    store.write(id.hex(), wasm);
    return id.hex();
  }

  @Override
  public java.util.Optional<String> aquaDeclaration(String hash) {
    return ensureModule(hash).aquaService();
  }

  @Override
  public JsonNode moduleInterface(String hash) {
    return interfaceOf(ensureModule(hash));
  }

  @Override
  public synchronized void startService(String serviceId, BlueprintRecord blueprint) {
    if (host.service(serviceId).isPresent()) {
      return;
    }
    try {
      host.createService(serviceId, ensureBlueprint(blueprint), limits);
    } catch (DeployException e) {
      throw new ServiceException(
          "srv.create: blueprint " + blueprint.id() + " cannot run: " + e.getMessage(), e);
    }
  }

  /** From now on, calls of deployed services go through {@code hook} first. */
  public void recordCallsWith(CallRecording hook) {
    this.recording = hook;
  }

  @Override
  public java.util.Optional<byte[]> moduleBytes(String hash) {
    try {
      return java.util.Optional.of(store.read(hash));
    } catch (ServiceException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public void stopService(String serviceId) {
    host.removeService(serviceId);
  }

  @Override
  public JsonNode serviceInterface(String serviceId, BlueprintRecord blueprint) {
    return interfaceOf(service(serviceId, blueprint).facade());
  }

  @Override
  public CompletionStage<CallResult> call(
      String serviceId, BlueprintRecord blueprint, ServiceCall call) {
    return CompletableFuture.supplyAsync(
        () -> {
          Service service = service(serviceId, blueprint);
          CallParameters parameters =
              new CallParameters(
                  call.initPeerId(),
                  call.particleId(),
                  serviceId,
                  call.hostPeerId(),
                  call.timestampMs(),
                  call.callKey(),
                  call.tetraplets().stream()
                      .map(
                          list ->
                              list.stream()
                                  .map(
                                      t ->
                                          new Tetraplet(
                                              t.peerPk(),
                                              t.serviceId(),
                                              t.functionName(),
                                              t.lens()))
                                  .toList())
                      .toList());
          ArrayNode arguments = JSON.arrayNode().addAll(call.arguments());
          CallOutcome outcome =
              recording
                  .call(service, call.functionName(), arguments.toString(), parameters)
                  .orElseGet(() -> service.call(call.functionName(), arguments, parameters));
          if (outcome instanceof CallOutcome.Success success) {
            return CallResult.ok(success.result());
          }
          CallOutcome.Failure failure = (CallOutcome.Failure) outcome;
          return CallResult.error(
              1, new TextNode(failure.error().kind() + ": " + failure.error().message()));
        },
        calls);
  }

  private Service service(String serviceId, BlueprintRecord blueprint) {
    return host.service(serviceId)
        .orElseGet(
            () -> {
              startService(serviceId, blueprint);
              return host.service(serviceId).orElseThrow();
            });
  }

  private String ensureBlueprint(BlueprintRecord blueprint) {
    return hostBlueprints.computeIfAbsent(
        blueprint.id(),
        id -> {
          List<BlueprintModule> modules = new ArrayList<>();
          for (String hash : blueprint.dependencies()) {
            modules.add(new BlueprintModule(moduleNames.apply(hash), ensureModule(hash).id()));
          }
          try {
            return host.addBlueprint(
                new Blueprint(
                    blueprint.name(),
                    modules,
                    Set.of(
                        HostCapability.LOGGING,
                        HostCapability.CALL_PARAMETERS,
                        HostCapability.WASI)));
          } catch (DeployException | IllegalArgumentException e) {
            throw new ServiceException(
                "blueprint " + blueprint.name() + " cannot be linked: " + e.getMessage(), e);
          }
        });
  }

  private ModuleDescription ensureModule(String hash) {
    ModuleId id = new ModuleId(hash);
    return host.module(id)
        .orElseGet(
            () -> {
              try {
                host.addModule(store.read(hash));
              } catch (DeployException e) {
                throw new ServiceException(
                    "module " + hash + " on disk is refused: " + e.getMessage(), e);
              }
              return host.module(id).orElseThrow();
            });
  }

  /** aqua-lib's {@code Interface}: function signatures and record types. */
  private static JsonNode interfaceOf(ModuleDescription module) {
    ObjectNode out = JSON.objectNode();
    ArrayNode functions = out.putArray("function_signatures");
    for (ServiceFunction function : module.functions()) {
      ObjectNode signature = functions.addObject();
      ArrayNode arguments = signature.putArray("arguments");
      for (NamedType argument : function.args()) {
        arguments.addArray().add(argument.name()).add(argument.type());
      }
      signature.put("name", function.name());
      ArrayNode outputs = signature.putArray("output_types");
      function.result().ifPresent(outputs::add);
    }
    ArrayNode records = out.putArray("record_types");
    List<DataType> types = module.manifest().map(m -> m.types()).orElse(List.of());
    for (int i = 0; i < types.size(); i++) {
      ObjectNode record = records.addObject();
      ArrayNode fields = record.putArray("fields");
      types.get(i).fields().forEach(f -> fields.addArray().add(f.name()).add(f.type()));
      record.put("id", i);
      record.put("name", types.get(i).name());
    }
    return out;
  }

  @Override
  public void close() {
    calls.shutdownNow();
    host.close();
  }
}
