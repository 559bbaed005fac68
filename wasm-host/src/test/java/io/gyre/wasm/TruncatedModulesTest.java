package io.gyre.wasm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Any truncation of a real module is refused with a clear message, never a crash. */
class TruncatedModulesTest {

  private static final WasmHost HOST = WasmHost.create();
  private static final byte[] KV = Examples.wasm("kv");

  @Property(tries = 60)
  void truncatedModulesAreRefused(@ForAll @IntRange(min = 0, max = 99) int percent) {
    byte[] cut = Arrays.copyOf(KV, KV.length * percent / 100);
    String message = assertThrows(DeployException.class, () -> HOST.addModule(cut)).getMessage();
    assertTrue(message.startsWith("module is not valid WebAssembly"), message);
  }

  @Test
  void anExportOfAMissingFunctionIsRefused() {
    byte[] module = {
      0x00,
      0x61,
      0x73,
      0x6d,
      0x01,
      0x00,
      0x00,
      0x00, // magic, version
      0x01,
      0x04,
      0x01,
      0x60,
      0x00,
      0x00, // one type: () -> ()
      0x07,
      0x05,
      0x01,
      0x01,
      0x66,
      0x00,
      0x03 // export "f" = function 3 (there is none)
    };
    String message = assertThrows(DeployException.class, () -> HOST.addModule(module)).getMessage();
    assertTrue(message.startsWith("module is not valid WebAssembly"), message);
    assertTrue(message.contains("function 3"), message);
  }

  /** Flipping any byte yields a refused module or one that still loads: never another failure. */
  @Property(tries = 60)
  void corruptedModulesAreRefusedOrLoaded(
      @ForAll @IntRange(min = 8, max = 100_000) int position, @ForAll byte value) {
    byte[] corrupt = KV.clone();
    corrupt[position % corrupt.length] = value;
    try {
      HOST.addModule(corrupt);
    } catch (DeployException e) {
      assertTrue(!e.getMessage().isBlank());
    }
  }
}
