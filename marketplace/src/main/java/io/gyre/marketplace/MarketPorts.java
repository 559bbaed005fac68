package io.gyre.marketplace;

import io.gyre.marketplace.deploy.Deployer;
import io.gyre.marketplace.epoch.EntropySource;
import io.gyre.marketplace.epoch.EpochClock;
import io.gyre.marketplace.proof.ProofCheck;
import io.gyre.marketplace.proof.ReceiptSource;

/**
 * What the marketplace needs from the world: the node (or a test) provides each.
 *
 * @param clock which epoch it is
 * @param entropy fresh randomness for each epoch
 * @param proofs signature, capacity and re-execution checks (the proofs module)
 * @param receipts sampled receipts from provider peers
 * @param deployer deploys and removes a deal's services on a unit's peer
 */
public record MarketPorts(
    EpochClock clock,
    EntropySource entropy,
    ProofCheck proofs,
    ReceiptSource receipts,
    Deployer deployer) {}
