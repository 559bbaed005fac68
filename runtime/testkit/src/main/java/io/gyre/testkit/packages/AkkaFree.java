package io.gyre.testkit.packages;

/**
 * DESIGN.md's dependency rule: {@code identity}, {@code air}, {@code wasm-host}, {@code proofs} and
 * {@code aqua-compiler} never depend on Akka. Checked on the module's test class path, which holds
 * its main dependencies with their transitive ones, so a dependency that drags Akka in fails too.
 */
public final class AkkaFree {
  private static final String AKKA_CLASS = "akka.actor.ActorSystem";

  private AkkaFree() {}

  public static void assertNoAkkaOnClassPath() {
    ClassLoader loader = AkkaFree.class.getClassLoader();
    if (loader.getResource(AKKA_CLASS.replace('.', '/') + ".class") != null) {
      throw new AssertionError(
          "Akka is on this module's class path ("
              + loader.getResource(AKKA_CLASS.replace('.', '/') + ".class")
              + "): DESIGN.md keeps identity, air, wasm-host, proofs and aqua-compiler free of it");
    }
  }
}
