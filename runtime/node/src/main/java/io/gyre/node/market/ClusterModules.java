package io.gyre.node.market;

import io.gyre.node.services.ServiceRuntime;
import io.gyre.wasm.ModuleId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A deal names its modules by hash; a node that must run or re-execute them takes the bytes from
 * any node of the cluster that holds them (the developer's, after {@code dist.add_module} or {@code
 * gyre market deal --wasm}), checks them against the hash and stores them. Modules cross the
 * cluster in one Artery message: up to Akka's frame size (256 KiB by default).
 */
final class ClusterModules {
  private final ServiceRuntime runtime;
  private final Agents agents;
  private final Executor executor;

  ClusterModules(ServiceRuntime runtime, Agents agents, Executor executor) {
    this.runtime = runtime;
    this.agents = agents;
    this.executor = executor;
  }

  /** The module's bytes, from this node or fetched; fails when no agent has them. */
  CompletionStage<byte[]> bytes(String hash) {
    return runtime
        .moduleBytes(hash)
        .map(CompletableFuture::completedStage)
        .orElseGet(() -> agents.all().thenCompose(all -> fetch(hash, all, 0)));
  }

  private CompletionStage<byte[]> fetch(
      String hash, List<akka.actor.typed.ActorRef<ProviderAgent.Command>> from, int next) {
    if (next >= from.size()) {
      return Agents.failed("no peer of the cluster holds module " + hash);
    }
    return agents
        .<ProviderAgent.ModuleBytes>ask(
            from.get(next), replyTo -> new ProviderAgent.FetchModule(hash, replyTo))
        .thenApplyAsync(
            module -> {
              if (!ModuleId.of(module.wasm()).hex().equals(hash)) {
                throw new IllegalStateException("a peer sent other bytes for module " + hash);
              }
              runtime.addModule(module.wasm());
              return module.wasm();
            },
            executor)
        .exceptionallyCompose(failure -> fetch(hash, from, next + 1));
  }
}
