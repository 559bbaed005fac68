package io.gyre.marketplace.deploy;

import java.util.concurrent.CompletionStage;

/**
 * The port through which the marketplace deploys a deal's services on a matched unit's peer and
 * removes them when the unit is released or the deal ends. Both must be idempotent: after a restart
 * the marketplace repeats what it has not seen complete.
 */
public interface Deployer {
  CompletionStage<Void> deploy(Deployment deployment);

  CompletionStage<Void> remove(Deployment deployment);
}
