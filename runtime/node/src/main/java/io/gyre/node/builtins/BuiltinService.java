package io.gyre.node.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import io.gyre.air.CallResult;
import io.gyre.node.services.LocalServices;
import io.gyre.node.services.ServiceCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A builtin service: a fixed id (Fluence's: {@code peer}, {@code kad}, {@code srv}, …) and its
 * functions. Functions run on the particle's thread and must not block; one that waits (e.g. {@code
 * peer.timeout}) answers through its stage.
 */
public final class BuiltinService {
  private final String id;
  private final Map<String, Function<ServiceCall, CompletionStage<JsonNode>>> functions;

  private BuiltinService(
      String id, Map<String, Function<ServiceCall, CompletionStage<JsonNode>>> functions) {
    this.id = id;
    this.functions = Map.copyOf(functions);
  }

  public static Builder named(String id) {
    return new Builder(id);
  }

  public String id() {
    return id;
  }

  public java.util.Set<String> functionNames() {
    return functions.keySet();
  }

  /** The answer, or empty when this service has no such function. */
  public Optional<CompletionStage<CallResult>> call(ServiceCall call) {
    var function = functions.get(call.functionName());
    if (function == null) {
      return Optional.of(CompletableFuture.completedFuture(LocalServices.notFound(call)));
    }
    return Optional.of(function.apply(call).thenApply(CallResult::ok));
  }

  /** Collects a builtin's functions. */
  public static final class Builder {
    private final String id;
    private final Map<String, Function<ServiceCall, CompletionStage<JsonNode>>> functions =
        new LinkedHashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    /** A function that answers at once. */
    public Builder function(String name, Function<ServiceCall, JsonNode> function) {
      functions.put(name, call -> CompletableFuture.completedFuture(function.apply(call)));
      return this;
    }

    /** A function that answers later. */
    public Builder asyncFunction(
        String name, Function<ServiceCall, CompletionStage<JsonNode>> function) {
      functions.put(name, function);
      return this;
    }

    public BuiltinService build() {
      return new BuiltinService(id, functions);
    }
  }
}
