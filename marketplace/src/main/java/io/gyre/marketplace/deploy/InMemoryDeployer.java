package io.gyre.marketplace.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deployments kept in memory: what is deployed where. Can be put on hold (nothing ever completes)
 * to stand for peers that are slow or gone.
 */
public final class InMemoryDeployer implements Deployer {
  private final Set<Deployment> live = ConcurrentHashMap.newKeySet();
  private volatile boolean onHold;

  @Override
  public CompletionStage<Void> deploy(Deployment deployment) {
    if (onHold) {
      return new CompletableFuture<>();
    }
    live.add(deployment);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> remove(Deployment deployment) {
    if (onHold) {
      return new CompletableFuture<>();
    }
    live.remove(deployment);
    return CompletableFuture.completedFuture(null);
  }

  public void hold() {
    onHold = true;
  }

  /** What is deployed now, as "deal unit peer" lines in order. */
  public Set<String> live() {
    Set<String> lines = new TreeSet<>();
    for (Deployment d : live) {
      lines.add(d.deal() + " " + d.unit() + " " + d.peer());
    }
    return lines;
  }
}
