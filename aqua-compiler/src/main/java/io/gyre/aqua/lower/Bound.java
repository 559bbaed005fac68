package io.gyre.aqua.lower;

import io.gyre.aqua.ast.Stmt;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.Symbol;
import io.gyre.aqua.types.Type;
import java.util.Map;

/** What a name stands for while a function is being inlined. */
sealed interface Bound {

  /** A value: a literal or an AIR variable (streams included). */
  record Data(Value value) implements Bound {}

  /** A service with the id its calls go to. */
  record Service(Type.Service type, Value id) implements Bound {}

  /** An ability value: its fields, each bound to a value, an arrow or a nested ability. */
  record Ability(Type.Ability type, Map<String, Bound> fields) implements Bound {}

  /** Something callable. */
  sealed interface Arrow extends Bound {}

  /** A top-level function, inlined where it is called. */
  record Function(Symbol.FuncDef def) implements Arrow {}

  /**
   * A closure and the names it captured; unless {@code detached} it runs on the topology captured
   * as {@code topology}.
   */
  record Closure(
      Stmt.Closure closure, Env captured, boolean detached, String topology, Type.Arrow type)
      implements Arrow {}

  /** A function of a service. */
  record ServiceFunction(Service service, String function, Type.Arrow type) implements Arrow {}

  /** An arrow argument of the exported function: the client answers it through callbackSrv. */
  record Callback(String name, Type.Arrow type) implements Arrow {}
}
