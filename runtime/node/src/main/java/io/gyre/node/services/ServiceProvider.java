package io.gyre.node.services;

import io.gyre.air.CallResult;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** One source of services on a peer: host-registered Java services, builtins, deployed WASM. */
public interface ServiceProvider {

  /** The call's answer when this provider has the service it names, otherwise empty. */
  Optional<CompletionStage<CallResult>> call(ServiceCall call);
}
