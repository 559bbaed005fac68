package io.gyre.proofs.replay;

import io.gyre.proofs.Digest;
import io.gyre.proofs.receipt.ModuleHash;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.ModuleId;
import java.util.List;
import java.util.Optional;

/**
 * The code a deal runs, as the verifier gets it from the deal: the blueprint and its modules' bytes
 * in blueprint order.
 */
public record ServiceCode(Blueprint blueprint, List<byte[]> modules) {

  public ServiceCode {
    modules = modules.stream().map(byte[]::clone).toList();
  }

  @Override
  public List<byte[]> modules() {
    return modules.stream().map(byte[]::clone).toList();
  }

  /** A one-module service, as {@link Blueprint#single} makes it. */
  public static ServiceCode single(String name, byte[] module) {
    return new ServiceCode(Blueprint.single(name, ModuleId.of(module)), List.of(module));
  }

  public Digest moduleHash() {
    return ModuleHash.of(blueprint);
  }

  /** Why the bytes are not the blueprint's modules; empty when they are. */
  public Optional<String> mismatch() {
    if (modules.size() != blueprint.modules().size()) {
      return Optional.of(
          modules.size() + " modules for a blueprint of " + blueprint.modules().size());
    }
    for (int i = 0; i < modules.size(); i++) {
      ModuleId expected = blueprint.modules().get(i).module();
      ModuleId actual = ModuleId.of(modules.get(i));
      if (!expected.equals(actual)) {
        return Optional.of("module " + i + " is " + actual + ", the blueprint names " + expected);
      }
    }
    return Optional.empty();
  }
}
