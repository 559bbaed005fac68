package io.gyre.wasm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The example modules gyre-examples builds, read from the test classpath. */
final class Examples {

  static final long TIMESTAMP = 1_700_000_000_000L;

  private Examples() {}

  /** {@code name} is e.g. {@code "kv"} or {@code "broken/no_alloc"}. */
  static byte[] wasm(String name) {
    try (InputStream in = Examples.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalStateException(
            "no /wasm/" + name + ".wasm on the classpath (built by gyre-examples)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CallParameters params() {
    return CallParameters.local("test", TIMESTAMP);
  }

  /** Deploys one module as a one-module service with every capability. */
  static Service deploy(WasmHost host, String name, ServiceLimits limits) {
    ModuleId id = host.addModule(wasm(name));
    String blueprint = host.addBlueprint(Blueprint.single(name.replace('/', '_'), id));
    return host.createService(name + "-" + System.nanoTime(), blueprint, limits);
  }

  static Service deploy(WasmHost host, String name) {
    return deploy(host, name, ServiceLimits.DEFAULT);
  }

  static String resultText(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Success success) {
      return success.result().toString();
    }
    throw new AssertionError("call failed: " + ((CallOutcome.Failure) outcome).error());
  }

  static CallError error(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Failure failure) {
      return failure.error();
    }
    throw new AssertionError("call succeeded: " + ((CallOutcome.Success) outcome).result());
  }
}
