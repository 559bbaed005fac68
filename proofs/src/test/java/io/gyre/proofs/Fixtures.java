package io.gyre.proofs;

import io.gyre.identity.KeyPair;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.Tetraplet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Keys, call parameters and the example modules (built by gyre-examples) for the tests. */
public final class Fixtures {

  public static final KeyPair PROVIDER = KeyPair.fromSeedName("proofs-provider");
  public static final KeyPair OTHER_PROVIDER = KeyPair.fromSeedName("proofs-other-provider");
  public static final long TIMESTAMP = 1_700_000_000_000L;

  private Fixtures() {}

  public static byte[] wasm(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalStateException("no /wasm/" + name + ".wasm (built by gyre-examples)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parameters of the {@code position}-th call of particle {@code particleId}. */
  public static CallParameters call(String serviceId, String particleId, int position) {
    return new CallParameters(
        KeyPair.fromSeedName("client").peerId().toString(),
        particleId,
        serviceId,
        PROVIDER.peerId().toString(),
        TIMESTAMP + position,
        position,
        List.of(
            List.of(
                new Tetraplet(
                    KeyPair.fromSeedName("client").peerId().toString(), "", "", ".$.[0]"))));
  }

  public static Randomness randomness(String name) {
    return new Randomness(io.gyre.proofs.internal.DomainHash.STATE.of(name.getBytes()).bytes());
  }
}
