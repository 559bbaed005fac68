package io.gyre.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Aqua declarations `describe` prints are the ones in examples/aqua/wasm-services.aqua, which
 * the real Aqua compiler accepts (checked with the oracle: node compile.mjs).
 */
class AquaDeclarationTest {

  private static final WasmHost HOST = WasmHost.create();

  @AfterAll
  static void close() {
    HOST.close();
  }

  @Test
  void everyExampleDeclarationIsInTheAquaFile() throws IOException {
    String aqua = Files.readString(Path.of("../examples/aqua/wasm-services.aqua"));
    for (String module :
        new String[] {"greeting", "kv", "hashloop", "shout", "sha256", "entropy"}) {
      String declaration =
          HOST.describe(Examples.wasm(module)).aquaService().orElseThrow(AssertionError::new);
      for (String block : declaration.split("\n\n")) {
        assertTrue(
            aqua.contains(block), module + " declares\n" + block + "\nnot found in the file");
      }
    }
  }
}
