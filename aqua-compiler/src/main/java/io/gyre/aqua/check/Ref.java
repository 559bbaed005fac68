package io.gyre.aqua.check;

import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.ModuleScope;
import io.gyre.aqua.resolve.Symbol;

/** What a name in a function body refers to, as the type checker resolved it. */
public sealed interface Ref {

  /** A variable, argument, stream, closure or ability value of the enclosing function. */
  record Local(String name) implements Ref {}

  /**
   * A constant or a built-in value ({@code nil}, {@code INIT_PEER_ID}, ...), already a literal or
   * special variable.
   */
  record Constant(Value value) implements Ref {}

  record Service(Symbol.ServiceDef service) implements Ref {}

  record Function(Symbol.FuncDef function) implements Ref {}

  record Module(ModuleScope module) implements Ref {}
}
