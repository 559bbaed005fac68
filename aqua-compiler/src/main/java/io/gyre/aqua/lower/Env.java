package io.gyre.aqua.lower;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Names bound while lowering one function body, nested by block. */
final class Env {
  private final Env parent;
  private final Map<String, Bound> names = new HashMap<>();

  Env(Env parent) {
    this.parent = parent;
  }

  Env child() {
    return new Env(this);
  }

  Optional<Bound> find(String name) {
    for (Env e = this; e != null; e = e.parent) {
      Bound b = e.names.get(name);
      if (b != null) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  void bind(String name, Bound bound) {
    names.put(name, bound);
  }

  /** Copies the names bound here into the parent, except service ids (those end with the block). */
  void exportToParent() {
    names.forEach(
        (k, v) -> {
          if (!k.startsWith("service ")) {
            parent.names.put(k, v);
          }
        });
  }
}
