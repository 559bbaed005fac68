package io.gyre.marketplace.deal;

import io.gyre.identity.PeerId;
import java.util.List;

/**
 * What a developer asks for.
 *
 * @param blueprint the blueprint the deal's services are made from
 * @param modules the hashes of the modules the blueprint needs
 * @param maxPricePerUnit the most the developer pays per unit per epoch (minor units)
 * @param targetUnits how many units (replicas) the deal wants
 * @param minUnits below this many the deal does not run: it waits for offers
 * @param durationEpochs how many paid epochs the deal runs for
 * @param allowProviders when not empty, only these providers
 * @param denyProviders never these providers
 * @param hostFunctions the host functions the services need; an offer must allow all of them
 * @param deposit minor units moved from the developer's wallet into the deal's escrow at once
 */
public record DealSpec(
    String blueprint,
    List<String> modules,
    long maxPricePerUnit,
    int targetUnits,
    int minUnits,
    int durationEpochs,
    List<PeerId> allowProviders,
    List<PeerId> denyProviders,
    List<String> hostFunctions,
    long deposit) {
  public DealSpec {
    modules = List.copyOf(modules);
    allowProviders = allowProviders.stream().distinct().sorted(DealSpec::byId).toList();
    denyProviders = denyProviders.stream().distinct().sorted(DealSpec::byId).toList();
    hostFunctions = hostFunctions.stream().distinct().sorted().toList();
  }

  private static int byId(PeerId a, PeerId b) {
    return a.base58().compareTo(b.base58());
  }

  /** Whether units of {@code provider} may serve this deal (allow and deny lists). */
  public boolean admits(PeerId provider) {
    return !denyProviders.contains(provider)
        && (allowProviders.isEmpty() || allowProviders.contains(provider));
  }
}
