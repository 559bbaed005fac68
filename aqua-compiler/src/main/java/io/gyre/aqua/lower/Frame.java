package io.gyre.aqua.lower;

import io.gyre.aqua.model.Op;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.resolve.ModuleScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Where lowered operations go: the list being filled, the names in scope, and the nearest block
 * that owns stream declarations ({@code new} around the whole block, as Fluence's compiler does:
 * function bodies, {@code for}, {@code if}, {@code try} blocks own them; {@code on} and {@code par}
 * blocks pass them up).
 */
final class Frame {
  final List<Op> out;
  final Env env;
  final Restrictions restrictions;

  /** The module whose function body is being lowered (for its constants and services). */
  final ModuleScope module;

  private final boolean ownsRestrictions;

  Frame(List<Op> out, Env env, Restrictions restrictions, ModuleScope module) {
    this(out, env, restrictions, module, false);
  }

  private Frame(
      List<Op> out, Env env, Restrictions restrictions, ModuleScope module, boolean owns) {
    this.out = out;
    this.env = env;
    this.restrictions = restrictions;
    this.module = module;
    this.ownsRestrictions = owns;
  }

  /** A frame writing into a fresh list, same names and restrictions. */
  Frame sub() {
    return new Frame(new ArrayList<>(), env, restrictions, module);
  }

  /** A frame for a nested block with its own names. */
  Frame block() {
    return new Frame(new ArrayList<>(), env.child(), restrictions, module);
  }

  /** A frame for a block that owns its stream declarations. */
  Frame restricting() {
    return new Frame(new ArrayList<>(), env.child(), new Restrictions(), module, true);
  }

  Frame withEnv(Env other, ModuleScope module) {
    return new Frame(out, other, restrictions, module);
  }

  void emit(Op op) {
    out.add(op);
  }

  /** The frame's operations as one, wrapped in {@code new} for each stream the block owns. */
  Op build() {
    Op body = Op.seq(out);
    return ownsRestrictions ? restrictions.wrap(body) : body;
  }

  /** Stream declarations owned by one block: the first declared ends up innermost. */
  static final class Restrictions {
    private final List<Value.Var> names = new ArrayList<>();

    void add(Value.Var name) {
      names.add(name);
    }

    Op wrap(Op body) {
      Op result = body;
      for (Value.Var name : names) {
        result = new Op.Restrict(name, result);
      }
      return result;
    }
  }
}
