package io.gyre.node.market;

import io.gyre.marketplace.deploy.Deployer;
import io.gyre.marketplace.deploy.Deployment;
import java.util.concurrent.CompletionStage;

/** The marketplace's deployments, carried out by the matched peer's agent over the cluster. */
final class ClusterDeployer implements Deployer {
  private final Agents agents;

  ClusterDeployer(Agents agents) {
    this.agents = agents;
  }

  @Override
  public CompletionStage<Void> deploy(Deployment deployment) {
    return agents
        .<akka.Done>ask(deployment.peer(), replyTo -> new ProviderAgent.Deploy(deployment, replyTo))
        .thenApply(done -> null);
  }

  @Override
  public CompletionStage<Void> remove(Deployment deployment) {
    return agents
        .<akka.Done>ask(deployment.peer(), replyTo -> new ProviderAgent.Remove(deployment, replyTo))
        .thenApply(done -> null);
  }
}
