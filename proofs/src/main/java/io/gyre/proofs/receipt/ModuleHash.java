package io.gyre.proofs.receipt;

import io.gyre.proofs.Digest;
import io.gyre.proofs.internal.ByteWriter;
import io.gyre.proofs.internal.DomainHash;
import io.gyre.wasm.Blueprint;
import io.gyre.wasm.BlueprintModule;
import io.gyre.wasm.HostCapability;
import java.util.HexFormat;

/**
 * The receipt's "SHA-256 of the module": the hash of the service's blueprint, which names every
 * module by its SHA-256 ({@code ModuleId}), in order, with the host capabilities granted — so it
 * commits to exactly the code that ran, one module or several (proofs/README.md, "Module hash").
 */
public final class ModuleHash {

  private ModuleHash() {}

  public static Digest of(Blueprint blueprint) {
    ByteWriter out = new ByteWriter();
    out.str(blueprint.name()).u32(blueprint.modules().size());
    for (BlueprintModule module : blueprint.modules()) {
      out.str(module.name()).raw(HexFormat.of().parseHex(module.module().hex()));
    }
    out.u32(blueprint.capabilities().size());
    blueprint.capabilities().stream().map(HostCapability::name).sorted().forEach(out::str);
    return DomainHash.BLUEPRINT.of(out.toByteArray());
  }
}
