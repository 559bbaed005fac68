package io.gyre.node.services.wasm;

import io.gyre.air.CallResult;
import io.gyre.node.services.BlueprintRecord;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceProvider;
import io.gyre.node.services.ServiceRecord;
import io.gyre.node.services.ServiceRuntime;
import io.gyre.node.services.ServiceTable;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** The services deployed on a peer ({@code srv.create}), called by id or alias. */
public final class DeployedServices implements ServiceProvider {
  private final Supplier<ServiceTable> table;
  private final ServiceRuntime runtime;

  public DeployedServices(Supplier<ServiceTable> table, ServiceRuntime runtime) {
    this.table = table;
    this.runtime = runtime;
  }

  @Override
  public Optional<CompletionStage<CallResult>> call(ServiceCall call) {
    ServiceTable current = table.get();
    Optional<ServiceRecord> service = current.resolve(call.serviceId());
    if (service.isEmpty()) {
      return Optional.empty();
    }
    BlueprintRecord blueprint = current.blueprints().get(service.get().blueprintId());
    return Optional.of(runtime.call(service.get().id(), blueprint, call));
  }
}
