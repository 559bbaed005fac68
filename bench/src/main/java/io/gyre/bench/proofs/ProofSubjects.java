package io.gyre.bench.proofs;

import io.gyre.identity.KeyPair;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.CallParameters;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.Tetraplet;
import io.gyre.wasm.WasmHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** What the proofs benchmarks share: the provider key, the example modules, call parameters. */
final class ProofSubjects {

  static final KeyPair PROVIDER = KeyPair.fromSeedName("bench-provider");

  /** A JSON array holding one string, 100 bytes in all (as the WASM host's trivial call). */
  static final String ARGUMENT = "[\"" + "x".repeat(96) + "\"]";

  private ProofSubjects() {}

  static byte[] wasm(String name) {
    try (InputStream in = ProofSubjects.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalStateException("no /wasm/" + name + ".wasm on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Service deploy(WasmHost host, String name, String serviceId) {
    return host.createService(
        serviceId,
        host.addBlueprint(Blueprint.single(name, host.addModule(wasm(name)))),
        ServiceLimits.DEFAULT);
  }

  /** Realistic parameters: peer ids, a particle id, one tetraplet for the one argument. */
  static CallParameters parameters(String serviceId, int position) {
    String client = KeyPair.fromSeedName("bench-client").peerId().toString();
    return new CallParameters(
        client,
        "0f6b8d52-7c1e-4f3a-9d0e-5b2a7c3e1f90",
        serviceId,
        PROVIDER.peerId().toString(),
        1_700_000_000_000L,
        position,
        List.of(List.of(new Tetraplet(client, "", "", ""))));
  }

  static CallOutcome.Success succeed(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Success success) {
      return success;
    }
    throw new IllegalStateException("call failed: " + ((CallOutcome.Failure) outcome).error());
  }
}
