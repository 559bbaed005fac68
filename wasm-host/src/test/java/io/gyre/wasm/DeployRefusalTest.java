package io.gyre.wasm;

import static io.gyre.wasm.Examples.wasm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bad modules, blueprints and services are refused when deployed, with a message that says why. */
class DeployRefusalTest {

  private static final WasmHost HOST = WasmHost.create();

  @AfterAll
  static void close() {
    HOST.close();
  }

  private static String refusal(byte[] module) {
    return assertThrows(DeployException.class, () -> HOST.addModule(module)).getMessage();
  }

  private static void assertBlueprintRefused(Blueprint blueprint, String because) {
    String message =
        assertThrows(DeployException.class, () -> HOST.addBlueprint(blueprint)).getMessage();
    assertTrue(message.contains(because), message);
  }

  @Test
  void garbageIsNotWebAssembly() {
    String message = refusal("hello, world".getBytes());
    assertTrue(message.contains("not a WebAssembly module (bad magic number)"), message);
  }

  @Test
  void emptyBytesAreRefused() {
    String message = refusal(new byte[0]);
    assertTrue(message.contains("too short"), message);
  }

  @Test
  void aFunctionThatDoesNotTypeCheckIsInvalid() {
    // (module (func (result i32) i32.add)): i32.add with nothing on the stack
    byte[] module = {
      0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,
      0x03, 0x02, 0x01, 0x00, 0x0A, 0x05, 0x01, 0x03, 0x00, 0x6A, 0x0B
    };
    String message = refusal(module);
    assertTrue(message.startsWith("module is not valid WebAssembly"), message);
  }

  @Test
  void aMissingAllocIsNamed() {
    assertEquals(
        "module does not export \"alloc\" (the Gyre ABI's allocator)",
        refusal(wasm("broken/no_alloc")));
  }

  @Test
  void aWrongSignatureIsNamed() {
    assertEquals(
        "export \"hello\" (function hello of the manifest) has signature (i32) -> i32, expected (i32, i32) -> i64",
        refusal(wasm("broken/bad_signature")));
  }

  @Test
  void aFunctionTheManifestPromisesMustExist() {
    assertEquals(
        "module does not export \"goodbye\" (function goodbye of the manifest)",
        refusal(wasm("broken/missing_function")));
  }

  @Test
  void anUnknownManifestTypeIsNamed() {
    String message = refusal(wasm("broken/bad_manifest"));
    assertTrue(
        message.contains("argument who of function hello has unknown type \"strin\""), message);
  }

  @Test
  void aMachineDependentWasiImportIsRefused() {
    String message = refusal(wasm("broken/bad_wasi_import"));
    assertTrue(message.contains("wasi_snapshot_preview1.sock_accept is not allowed"), message);
  }

  @Test
  void anImportNoBlueprintCanSatisfyIsRefusedByTheBlueprint() {
    ModuleId id = HOST.addModule(wasm("broken/bad_import"));
    assertBlueprintRefused(Blueprint.single("bad_import", id), "import env.system is not allowed");
  }

  @Test
  void aCapabilityTheBlueprintWithholdsIsRefused() {
    ModuleId kv = HOST.addModule(wasm("kv"));
    Blueprint noLogging =
        new Blueprint(
            "kv", List.of(new BlueprintModule("kv", kv)), EnumSet.of(HostCapability.WASI));
    assertBlueprintRefused(noLogging, "import gyre.log needs capability LOGGING");
  }

  @Test
  void aFacadeWithoutItsHelperIsRefused() {
    ModuleId shout = HOST.addModule(wasm("shout"));
    assertBlueprintRefused(
        Blueprint.single("shout", shout), "import greeting.greet is not allowed");
  }

  @Test
  void anUnknownModuleIsRefused() {
    ModuleId unknown = ModuleId.of(new byte[] {1, 2, 3});
    assertBlueprintRefused(Blueprint.single("ghost", unknown), "has not been added");
  }

  @Test
  void aServiceWhoseMemoryDoesNotFitItsLimitIsRefused() {
    ModuleId kv = HOST.addModule(wasm("kv"));
    String blueprint = HOST.addBlueprint(Blueprint.single("kv", kv));
    String message =
        assertThrows(
                DeployException.class,
                () ->
                    HOST.createService(
                        "tiny-kv", blueprint, ServiceLimits.DEFAULT.withMemoryPages(1)))
            .getMessage();
    assertTrue(message.contains("more than the service's memory limit of 1"), message);
  }
}
