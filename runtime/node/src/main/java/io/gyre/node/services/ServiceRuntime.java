package io.gyre.node.services;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.CallResult;
import java.util.concurrent.CompletionStage;

/**
 * What runs deployed services (wasm-host's Chicory engine in production): it checks and keeps
 * modules, instantiates services from blueprints, describes their interfaces and calls them. The
 * registry records what exists; this holds what runs.
 */
public interface ServiceRuntime {

  /** Checks the module and stores it content-addressed; returns its hash. */
  String addModule(byte[] wasm);

  /** The bytes of a stored module, when this node has them. */
  default java.util.Optional<byte[]> moduleBytes(String hash) {
    return java.util.Optional.empty();
  }

  /** The Aqua service declaration from a stored module's manifest, when it has one. */
  java.util.Optional<String> aquaDeclaration(String hash);

  /** aqua-lib's {@code Interface} of a stored module. */
  JsonNode moduleInterface(String hash);

  /**
   * Starts (or, after a restart, restarts) a service from its blueprint under {@code serviceId}.
   */
  void startService(String serviceId, BlueprintRecord blueprint);

  /** Stops a service; its state is gone. */
  void stopService(String serviceId);

  /** aqua-lib's {@code Interface} of a running service (its facade module's). */
  JsonNode serviceInterface(String serviceId, BlueprintRecord blueprint);

  /** Calls a running service's function; never fails exceptionally for the module's doing. */
  CompletionStage<CallResult> call(String serviceId, BlueprintRecord blueprint, ServiceCall call);
}
