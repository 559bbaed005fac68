package io.gyre.node.services;

import io.gyre.air.CallResult;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The Java services a peer's host registered, by service id. They come first when a call is
 * resolved, so a host (a test pinning {@code peer.identify}, say) may stand in for a builtin. Each
 * call runs on the service executor.
 */
public final class JavaServices implements ServiceProvider {
  private final Map<String, JavaService> services = new ConcurrentHashMap<>();
  private final Executor executor;

  public JavaServices(Executor executor) {
    this.executor = executor;
  }

  public void register(String serviceId, JavaService service) {
    if (serviceId.isBlank()) {
      throw new IllegalArgumentException("a service id must not be blank");
    }
    services.put(serviceId, service);
  }

  public void unregister(String serviceId) {
    services.remove(serviceId);
  }

  @Override
  public Optional<CompletionStage<CallResult>> call(ServiceCall call) {
    JavaService service = services.get(call.serviceId());
    if (service == null) {
      return Optional.empty();
    }
    return Optional.of(
        CompletableFuture.supplyAsync(() -> service.call(call), executor)
            .thenCompose(stage -> stage));
  }
}
