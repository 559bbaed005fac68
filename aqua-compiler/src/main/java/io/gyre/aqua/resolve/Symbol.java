package io.gyre.aqua.resolve;

import io.gyre.aqua.ast.Decl;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.types.Type;
import java.util.List;
import java.util.Optional;

/** Something a module-level name stands for. */
public sealed interface Symbol {
  String name();

  /** The module that declared it. */
  ModuleScope owner();

  Pos pos();

  /** A {@code data}, {@code alias} or {@code ability} type. */
  record TypeDef(String name, Type type, ModuleScope owner, Pos pos) implements Symbol {}

  /** A service: its functions and its default id, if declared. */
  record ServiceDef(
      String name, Type.Service type, Optional<Value.Literal> defaultId, ModuleScope owner, Pos pos)
      implements Symbol {}

  /** A function with its resolved signature; {@code abilities} are abilities or services. */
  record FuncDef(
      String name,
      Decl.Func decl,
      List<String> paramNames,
      Type.Arrow type,
      List<Type> abilities,
      ModuleScope owner,
      Pos pos)
      implements Symbol {}

  /** A constant, folded to a literal. */
  record ConstDef(String name, Value value, ModuleScope owner, Pos pos) implements Symbol {}

  /** A module brought in with {@code use ... as Name}. */
  record ModuleRef(String name, ModuleScope module, ModuleScope owner, Pos pos) implements Symbol {}
}
