package io.gyre.node.market;

import io.gyre.marketplace.DealView;
import io.gyre.marketplace.Marketplace;
import io.gyre.marketplace.deal.DealSpec;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.ReceiptSource;
import io.gyre.marketplace.proof.SampledReceipt;
import io.gyre.proofs.replay.ServiceCode;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.BlueprintModule;
import io.gyre.wasm.HostCapability;
import io.gyre.wasm.ModuleId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * An audit's receipts, asked of the provider peer's agent over the cluster, and the deal's code to
 * re-execute them on: the module hashes from the deal itself, their bytes from whichever node has
 * them (checked against the hashes), the module names and capabilities the provider ran them under
 * (which the receipts' module hash commits to).
 */
final class ClusterReceiptSource implements ReceiptSource {
  private final Supplier<Marketplace> market;
  private final Agents agents;
  private final ClusterModules modules;
  private final AuditCode code;

  ClusterReceiptSource(
      Supplier<Marketplace> market, Agents agents, ClusterModules modules, AuditCode code) {
    this.market = market;
    this.agents = agents;
    this.modules = modules;
    this.code = code;
  }

  @Override
  public CompletionStage<List<SampledReceipt>> fetch(
      BatchCommitment commitment, List<Long> indices) {
    CompletionStage<DealView> deal = market.get().deal(commitment.deal());
    CompletionStage<ProviderAgent.Samples> samples =
        agents.ask(
            commitment.peer(),
            replyTo ->
                new ProviderAgent.FetchSamples(
                    commitment.deal(), commitment.epoch(), indices, replyTo));
    return deal.thenCombine(samples, Fetched::new)
        .thenCompose(
            fetched ->
                moduleBytes(fetched.deal().deal().spec().modules(), 0, new ArrayList<>())
                    .thenApply(
                        bytes -> {
                          code.put(commitment, serviceCode(fetched, bytes));
                          return fetched.samples().samples().stream()
                              .map(
                                  s ->
                                      new SampledReceipt(
                                          s.index(), s.receipt(), s.proof(), s.evidence()))
                              .toList();
                        }));
  }

  private record Fetched(DealView deal, ProviderAgent.Samples samples) {}

  private static ServiceCode serviceCode(Fetched fetched, List<byte[]> bytes) {
    DealSpec spec = fetched.deal().deal().spec();
    List<String> names = fetched.samples().moduleNames();
    if (names.size() != spec.modules().size()) {
      throw new IllegalStateException(
          "the provider ran " + names.size() + " modules, the deal has " + spec.modules().size());
    }
    List<BlueprintModule> blueprint = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      blueprint.add(new BlueprintModule(names.get(i), new ModuleId(spec.modules().get(i))));
    }
    EnumSet<HostCapability> capabilities = EnumSet.noneOf(HostCapability.class);
    fetched.samples().capabilities().forEach(c -> capabilities.add(HostCapability.valueOf(c)));
    return new ServiceCode(
        new Blueprint(fetched.samples().blueprint(), blueprint, capabilities), bytes);
  }

  private CompletionStage<List<byte[]>> moduleBytes(
      List<String> hashes, int next, List<byte[]> collected) {
    if (next >= hashes.size()) {
      return CompletableFuture.completedStage(collected);
    }
    return modules
        .bytes(hashes.get(next))
        .thenCompose(
            bytes -> {
              collected.add(bytes);
              return moduleBytes(hashes, next + 1, collected);
            });
  }
}
