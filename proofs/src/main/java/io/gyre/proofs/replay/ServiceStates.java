package io.gyre.proofs.replay;

import io.gyre.wasm.Service;
import java.util.Optional;

/**
 * The port through which state snapshots are taken and put back. wasm-host has no snapshot API yet
 * (proofs/README.md, "State"), so nothing in this module implements it; a provider that has one
 * checkpoints its services at epoch boundaries, and a verifier that has one replays from there
 * instead of from the last time the state was initial.
 */
public interface ServiceStates {

  /** The service's state now; called with no call in flight on it. */
  StateSnapshot capture(Service service);

  /**
   * Puts {@code snapshot} into {@code service}, a fresh service of the same blueprint and limits.
   * Empty when done; otherwise why the bytes could not be restored. Never throws for bad bytes.
   */
  Optional<String> restore(Service service, StateSnapshot snapshot);
}
