package io.gyre.aqua.resolve;

import java.util.Optional;

/** Looks up {@code Name} or {@code Module.Name} (through modules brought in with {@code use}). */
public final class QualifiedNames {
  private QualifiedNames() {}

  public static Optional<Symbol> lookup(ModuleScope scope, String qualified, int before) {
    int dot = qualified.indexOf('.');
    if (dot < 0) {
      return scope.lookup(qualified, before);
    }
    Optional<Symbol> head = scope.lookup(qualified.substring(0, dot), before);
    if (head.isPresent() && head.get() instanceof Symbol.ModuleRef ref) {
      return lookupDeclared(ref.module(), qualified.substring(dot + 1));
    }
    return Optional.empty();
  }

  private static Optional<Symbol> lookupDeclared(ModuleScope module, String qualified) {
    int dot = qualified.indexOf('.');
    if (dot < 0) {
      return Optional.ofNullable(module.declared().get(qualified));
    }
    Symbol head = module.declared().get(qualified.substring(0, dot));
    if (head instanceof Symbol.ModuleRef ref) {
      return lookupDeclared(ref.module(), qualified.substring(dot + 1));
    }
    return Optional.empty();
  }
}
