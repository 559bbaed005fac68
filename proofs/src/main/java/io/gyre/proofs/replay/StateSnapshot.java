package io.gyre.proofs.replay;

import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.DomainHash;
import java.util.Arrays;

/**
 * A service's state as bytes, in whatever format the {@link ServiceStates} port writes (for
 * wasm-host: every module's linear memory and mutable globals). A checkpoint commits to {@link
 * #hash()}; the verifier checks the bytes it is handed against it before restoring them.
 */
public record StateSnapshot(byte[] bytes) {

  public StateSnapshot {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code H("gyre-proofs/v1/state", bytes)}. */
  public Digest hash() {
    return DomainHash.STATE.of(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StateSnapshot that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
