package io.gyre.aqua.resolve;

import io.gyre.aqua.ast.Module;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names one module can see: what it imported and what it declares. A module's own declarations
 * are only visible below where they are written, so each carries its position in the file ({@link
 * #lookup(String, int)}).
 */
public final class ModuleScope {
  private final Module module;
  private final Map<String, Entry> names = new LinkedHashMap<>();
  private final List<Symbol.FuncDef> functions = new ArrayList<>();
  private final Map<String, Symbol.FuncDef> exported = new LinkedHashMap<>();
  private final Map<String, Symbol.FuncDef> reexported = new LinkedHashMap<>();

  private record Entry(Symbol symbol, int order) {}

  static final int IMPORTED = -1;

  /** True for what {@code use a, b as c from "path" as M} makes visible as {@code M}. */
  private final boolean selection;

  public ModuleScope(Module module) {
    this(module, false);
  }

  private ModuleScope(Module module, boolean selection) {
    this.module = module;
    this.selection = selection;
  }

  /**
   * The names a {@code use … from "path" as M} picks from the module of {@code path}, under the
   * names it gives them ({@code use foo as f from "p" as M} makes {@code M.f}): it declares exactly
   * what it holds, whatever the module's own {@code declares} list says.
   */
  static ModuleScope selection(Module module) {
    return new ModuleScope(module, true);
  }

  public Module module() {
    return module;
  }

  /** The module's name from its header ({@code aqua Name}), or the file name. */
  public String name() {
    return module.header().map(h -> h.name().name()).orElse(module.source().displayName());
  }

  /** A name as seen from the declaration at index {@code before} (exclusive) of this module. */
  public Optional<Symbol> lookup(String name, int before) {
    Entry entry = names.get(name);
    if (entry == null || entry.order >= before) {
      return Optional.empty();
    }
    return Optional.of(entry.symbol);
  }

  /** A name as seen from after all of the module's declarations. */
  public Optional<Symbol> lookup(String name) {
    return lookup(name, Integer.MAX_VALUE);
  }

  /** Names visible from declaration {@code before}, for "did you mean" hints. */
  public List<String> namesVisible(int before) {
    List<String> out = new ArrayList<>();
    names.forEach(
        (n, e) -> {
          if (e.order < before) {
            out.add(n);
          }
        });
    return out;
  }

  Optional<Symbol> define(String name, Symbol symbol, int order) {
    Entry existing = names.get(name);
    if (existing != null) {
      if (existing.symbol.equals(symbol)) {
        return Optional.empty(); // the same definition reached twice through imports
      }
      if (existing.order == IMPORTED && order == IMPORTED) {
        // Two imports bring different things under one name: the later one wins, as in
        // Fluence's compiler.
        names.put(name, new Entry(symbol, order));
        return Optional.empty();
      }
      if (sameMeaning(existing.symbol, symbol)) {
        return Optional.empty(); // e.g. an alias declared again, to the same type, as imported
      }
      return Optional.of(existing.symbol);
    }
    names.put(name, new Entry(symbol, order));
    if (symbol instanceof Symbol.FuncDef f && f.owner() == this) {
      functions.add(f);
    }
    return Optional.empty();
  }

  private static boolean sameMeaning(Symbol a, Symbol b) {
    return a instanceof Symbol.TypeDef ta
        && b instanceof Symbol.TypeDef tb
        && ta.type().equals(tb.type());
  }

  /** What another module gets from {@code import "this"}: the declared names. */
  public Map<String, Symbol> declared() {
    Map<String, Symbol> out = new LinkedHashMap<>();
    Optional<Module.Header> header = module.header();
    boolean all = selection || header.isEmpty() || header.get().declaresAll();
    List<String> listed =
        header.map(h -> h.declares().stream().map(i -> i.name()).toList()).orElse(List.of());
    names.forEach(
        (n, e) -> {
          if (all || listed.contains(n)) {
            out.put(n, e.symbol);
          }
        });
    return out;
  }

  public Collection<Symbol.FuncDef> functions() {
    return functions;
  }

  /**
   * Functions compiled to AIR, by the name they are exported as: what the module re-exports from
   * its imports ({@link #reexported()}), then its own {@code export} list; a function the module
   * exports itself is compiled once, under its own export name.
   */
  public Map<String, Symbol.FuncDef> exported() {
    Map<String, Symbol.FuncDef> out = new LinkedHashMap<>();
    reexported.forEach(
        (name, f) -> {
          if (!exported.containsValue(f)) {
            out.put(name, f);
          }
        });
    out.putAll(exported);
    return out;
  }

  /** The module's own {@code export} list (functions only), by exported name. */
  public Map<String, Symbol.FuncDef> ownExported() {
    return exported;
  }

  /**
   * Functions of imported modules that Aqua 0.14.6 also compiles with this module: each exported
   * function that an {@code import "path"} brings in (the imported module's own exports that it
   * declares, and everything it re-exports itself), and each function imported by name ({@code
   * import f from "path"}, not renamed) that the imported module exports, under the name it is
   * exported as there. {@code use} re-exports nothing.
   */
  public Map<String, Symbol.FuncDef> reexported() {
    return reexported;
  }

  void export(String as, Symbol.FuncDef func) {
    exported.put(as, func);
  }

  void reexport(String as, Symbol.FuncDef func) {
    reexported.put(as, func);
  }

  @Override
  public String toString() {
    return "ModuleScope[" + name() + "]";
  }
}
