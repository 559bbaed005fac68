package io.gyre.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An app's own .aqua on its class path: compiled once, each function by name, mistakes named. */
class AquaResourceTest {

  @Test
  void theFunctionsOfAFileBesideTheClassAreCompiledOnce() {
    AquaResource app = new AquaResource(AquaResourceTest.class, "resource-app.aqua");
    AquaFunction greet = app.function("greet");
    assertEquals("greet", greet.name());
    assertEquals("twice", app.function("twice").name());
    assertSame(greet, app.function("greet"));
    assertTrue(app.source().startsWith("aqua ResourceApp"), app.source());
  }

  @Test
  void aMissingFileOrFunctionIsNamed() {
    AquaResource app = new AquaResource(AquaResourceTest.class, "resource-app.aqua");
    IllegalStateException noFunction =
        assertThrows(IllegalStateException.class, () -> app.function("nope"));
    assertEquals("resource-app.aqua exports no function nope", noFunction.getMessage());
    AquaResource missing = new AquaResource(AquaResourceTest.class, "missing.aqua");
    IllegalStateException noFile =
        assertThrows(IllegalStateException.class, () -> missing.function("greet"));
    assertEquals("missing.aqua is missing from the class path", noFile.getMessage());
  }
}
