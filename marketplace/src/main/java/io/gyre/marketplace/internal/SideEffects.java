package io.gyre.marketplace.internal;

import akka.actor.typed.javadsl.ActorContext;
import io.gyre.marketplace.MarketActor;
import io.gyre.marketplace.MarketPorts;
import io.gyre.marketplace.deploy.Deployment;
import io.gyre.marketplace.proof.BatchCommitment;
import io.gyre.marketplace.proof.SampledReceipt;
import io.gyre.marketplace.proof.Sampling;
import io.gyre.marketplace.proof.Verdict;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The marketplace's calls out through its ports — deployments, removals, audits — started for what
 * the state says is pending and not already under way; each result comes back to the actor as a
 * message. Confined to the actor's thread; not part of the persisted state (after a restart
 * everything pending is started again).
 */
public final class SideEffects {
  /** Makes the message that reports a finished deployment or removal. */
  public interface DeploymentReport {
    MarketActor.Command of(Deployment deployment, boolean removal, boolean done);
  }

  private final ActorContext<MarketActor.Command> context;
  private final MarketPorts ports;
  private final int samplesPerBatch;
  private final Duration auditTimeout;
  private final BiFunction<BatchCommitment, Verdict, MarketActor.Command> auditReport;
  private final DeploymentReport deploymentReport;
  private final Set<String> running = new HashSet<>();

  public SideEffects(
      ActorContext<MarketActor.Command> context,
      MarketPorts ports,
      int samplesPerBatch,
      Duration auditTimeout,
      BiFunction<BatchCommitment, Verdict, MarketActor.Command> auditReport,
      DeploymentReport deploymentReport) {
    this.context = context;
    this.ports = ports;
    this.samplesPerBatch = samplesPerBatch;
    this.auditTimeout = auditTimeout;
    this.auditReport = auditReport;
    this.deploymentReport = deploymentReport;
  }

  public void start(MarketState state, List<BatchCommitment> audits) {
    for (Deployment deployment : state.pendingDeployments().values()) {
      if (running.add(key(deployment, false))) {
        context.pipeToSelf(
            ports.deployer().deploy(deployment),
            (ok, failure) -> deploymentReport.of(deployment, false, failure == null));
      }
    }
    for (Deployment deployment : state.pendingRemovals().values()) {
      if (running.add(key(deployment, true))) {
        context.pipeToSelf(
            ports.deployer().remove(deployment),
            (ok, failure) -> deploymentReport.of(deployment, true, failure == null));
      }
    }
    for (BatchCommitment commitment : audits) {
      if (running.add(key(commitment))) {
        audit(commitment, state.randomness());
      }
    }
  }

  public void auditDone(BatchCommitment commitment) {
    running.remove(key(commitment));
  }

  public void deploymentDone(Deployment deployment, boolean removal) {
    running.remove(key(deployment, removal));
  }

  /** Samples the batch with the current epoch's randomness, fetches, re-executes, reports. */
  private void audit(BatchCommitment commitment, String randomness) {
    List<Long> indices = Sampling.indices(randomness, commitment, samplesPerBatch);
    if (indices.isEmpty()) {
      context.getSelf().tell(auditReport.apply(commitment, Verdict.VERIFIED));
      return;
    }
    CompletableFuture<List<SampledReceipt>> fetched =
        ports
            .receipts()
            .fetch(commitment, indices)
            .toCompletableFuture()
            .orTimeout(auditTimeout.toMillis(), TimeUnit.MILLISECONDS);
    context.pipeToSelf(
        fetched.thenApply(samples -> ports.proofs().verifySamples(commitment, indices, samples)),
        (verdict, failure) ->
            auditReport.apply(commitment, failure == null ? verdict : Verdict.MISSING));
  }

  private static String key(Deployment deployment, boolean removal) {
    return (removal ? "remove|" : "deploy|") + deployment.deal() + "|" + deployment.unit();
  }

  private static String key(BatchCommitment commitment) {
    return "audit|" + commitment.deal() + "|" + commitment.unit() + "|" + commitment.epoch();
  }
}
