package io.gyre.bench.wasm;

import io.gyre.wasm.Blueprint;
import io.gyre.wasm.CallOutcome;
import io.gyre.wasm.ModuleId;
import io.gyre.wasm.Service;
import io.gyre.wasm.ServiceLimits;
import io.gyre.wasm.WasmHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Example modules from gyre-examples, deployed for benchmarking. */
final class ExampleModules {

  private ExampleModules() {}

  static byte[] wasm(String name) {
    try (InputStream in = ExampleModules.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
      if (in == null) {
        throw new IllegalStateException("no /wasm/" + name + ".wasm on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Service deploy(WasmHost host, String name) {
    ModuleId id = host.addModule(wasm(name));
    return host.createService(
        name, host.addBlueprint(Blueprint.single(name, id)), ServiceLimits.DEFAULT);
  }

  /** The result, or an exception: a benchmark must not time failures. */
  static CallOutcome.Success succeed(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Success success) {
      return success;
    }
    throw new IllegalStateException("call failed: " + ((CallOutcome.Failure) outcome).error());
  }
}
