package io.gyre.node.builtins;

import io.gyre.air.CallResult;
import io.gyre.node.services.ServiceCall;
import io.gyre.node.services.ServiceProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** A peer's builtin services, by id. */
public final class Builtins implements ServiceProvider {
  private final Map<String, BuiltinService> services = new LinkedHashMap<>();

  public Builtins(Collection<BuiltinService> builtins) {
    for (BuiltinService builtin : builtins) {
      services.put(builtin.id(), builtin);
    }
  }

  public Set<String> ids() {
    return services.keySet();
  }

  @Override
  public Optional<CompletionStage<CallResult>> call(ServiceCall call) {
    BuiltinService service = services.get(call.serviceId());
    return service == null ? Optional.empty() : service.call(call);
  }
}
