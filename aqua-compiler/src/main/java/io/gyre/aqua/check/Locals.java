package io.gyre.aqua.check;

import io.gyre.aqua.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local names of a function body, block by block. Blocks of {@code if}, {@code for}, {@code
 * try} and their siblings get their own child scope (their names do not leak); {@code on}, {@code
 * par} and {@code co} share their parent's.
 */
final class Locals {
  private final Locals parent;
  private final Map<String, Type> names = new LinkedHashMap<>();

  Locals(Locals parent) {
    this.parent = parent;
  }

  Locals child() {
    return new Locals(this);
  }

  Optional<Type> find(String name) {
    for (Locals s = this; s != null; s = s.parent) {
      Type t = s.names.get(name);
      if (t != null) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  void define(String name, Type type) {
    names.put(name, type);
  }

  List<String> all() {
    List<String> out = new ArrayList<>();
    for (Locals s = this; s != null; s = s.parent) {
      out.addAll(s.names.keySet());
    }
    return out;
  }
}
