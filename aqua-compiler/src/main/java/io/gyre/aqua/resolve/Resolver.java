package io.gyre.aqua.resolve;

import io.gyre.aqua.ast.Decl;
import io.gyre.aqua.ast.Expr;
import io.gyre.aqua.ast.Ident;
import io.gyre.aqua.ast.Module;
import io.gyre.aqua.ast.Signature;
import io.gyre.aqua.model.Value;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.types.Type;
import io.gyre.aqua.types.Types;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds every module's scope in dependency order: brings in what it imports, then resolves its
 * declarations one after the other (types, services, constants, function signatures) and checks its
 * exports. Function bodies are left to the type checker.
 */
public final class Resolver {
  private final Map<String, Value.Literal> constOverrides;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Diagnostic> warnings = new ArrayList<>();
  private final Map<Module, ModuleScope> scopes = new IdentityHashMap<>();
  private final List<ModuleScope> ordered = new ArrayList<>();
  private Module current;

  /** Every module's scope; {@code entries} are the scopes of the files given to the compiler. */
  public record Program(
      List<ModuleScope> modules, List<ModuleScope> entries, List<Diagnostic> warnings) {}

  public Resolver(Map<String, Value.Literal> constOverrides) {
    this.constOverrides = Map.copyOf(constOverrides);
  }

  public Program resolve(ModuleLoader.Loaded loaded) throws CompileException {
    for (Module module : loaded.modules()) {
      current = module;
      ModuleScope scope = new ModuleScope(module);
      scopes.put(module, scope);
      ordered.add(scope);
      // Forms Aqua 0.14.6 refuses but older published packages use: accepted, with a warning.
      if (module.header().isEmpty()) {
        warnings.add(
            Diagnostic.warning(
                module.source(),
                new Pos(1, 1, 1),
                "missing header: an Aqua file starts with 'aqua Name declares *'"));
      } else if (module.header().get().deprecated()) {
        warnings.add(
            Diagnostic.warning(
                module.source(),
                module.header().get().keyword(),
                "'module' is deprecated: write 'aqua " + scope.name() + "'"));
      }
      imports(scope, loaded.imports().getOrDefault(module, Map.of()), loaded.byPath());
      List<Decl> decls = module.decls();
      for (int i = 0; i < decls.size(); i++) {
        try {
          declare(scope, decls.get(i), i);
        } catch (RuntimeException
            | AssertionError
            | LinkageError e) { // a compiler bug: see Diagnostic.internal
          diagnostics.add(Diagnostic.internal(module.source(), decls.get(i).pos(), e));
        }
      }
      reexports(scope, loaded.imports().getOrDefault(module, Map.of()), loaded.byPath());
      exports(scope);
    }
    if (!diagnostics.isEmpty()) {
      throw new CompileException(diagnostics);
    }
    List<ModuleScope> entries = loaded.entries().stream().map(scopes::get).toList();
    return new Program(List.copyOf(ordered), entries, List.copyOf(warnings));
  }

  // ---------------------------------------------------------------- imports and exports

  private void imports(ModuleScope scope, Map<String, Path> resolved, Map<Path, Module> byPath) {
    for (Module.HeadItem item : scope.module().heads()) {
      if (item instanceof Module.Import i && resolved.containsKey(i.path())) {
        ModuleScope from = scopes.get(byPath.get(resolved.get(i.path())));
        bring(scope, from, i.names(), i.pos());
      } else if (item instanceof Module.Use u && resolved.containsKey(u.path())) {
        ModuleScope from = scopes.get(byPath.get(resolved.get(u.path())));
        String as = u.alias().map(Ident::name).orElse(from.name());
        ModuleScope view = from;
        if (!u.names().isEmpty()) {
          view = ModuleScope.selection(from.module());
          bring(view, from, u.names(), u.pos());
        }
        define(
            scope,
            as,
            new Symbol.ModuleRef(as, view, scope, u.pos()),
            ModuleScope.IMPORTED,
            u.pos());
      }
    }
  }

  private void bring(ModuleScope into, ModuleScope from, List<Module.ImportedName> names, Pos pos) {
    Map<String, Symbol> declared = from.declared();
    if (names.isEmpty()) {
      declared.forEach((n, s) -> define(into, n, s, ModuleScope.IMPORTED, pos));
      return;
    }
    for (Module.ImportedName name : names) {
      Symbol symbol = declared.get(name.name().name());
      if (symbol == null) {
        error(
            name.name().pos(),
            "'" + name.name().name() + "' is not declared by module " + from.name());
      } else {
        define(into, name.localName(), symbol, ModuleScope.IMPORTED, name.name().pos());
      }
    }
  }

  /** What {@code import} statements re-export (see {@link ModuleScope#reexported()}). */
  private void reexports(ModuleScope scope, Map<String, Path> resolved, Map<Path, Module> byPath) {
    for (Module.HeadItem item : scope.module().heads()) {
      if (!(item instanceof Module.Import i) || !resolved.containsKey(i.path())) {
        continue;
      }
      ModuleScope from = scopes.get(byPath.get(resolved.get(i.path())));
      if (from == null || from == scope) {
        continue;
      }
      Map<String, Symbol> declared = from.declared();
      if (i.names().isEmpty()) {
        from.ownExported()
            .forEach(
                (name, f) -> {
                  if (declared.containsValue(f)) {
                    scope.reexport(name, f);
                  }
                });
        from.reexported().forEach(scope::reexport);
        continue;
      }
      for (Module.ImportedName name : i.names()) {
        if (!name.localName().equals(name.name().name())
            || !(declared.get(name.name().name()) instanceof Symbol.FuncDef f)) {
          continue;
        }
        from.exported()
            .forEach(
                (exportedAs, g) -> {
                  if (g == f) {
                    scope.reexport(exportedAs, f);
                  }
                });
      }
    }
  }

  private void exports(ModuleScope scope) {
    for (Module.HeadItem item : scope.module().heads()) {
      if (!(item instanceof Module.Export export)) {
        continue;
      }
      for (Module.ImportedName name : export.names()) {
        Optional<Symbol> symbol = scope.lookup(name.name().name());
        if (symbol.isEmpty()) {
          error(
              name.name().pos(),
              "cannot export '" + name.name().name() + "': no such function, service or constant");
        } else if (symbol.get() instanceof Symbol.FuncDef f) {
          scope.export(name.localName(), f);
        } else if (!(symbol.get() instanceof Symbol.ServiceDef)
            && !(symbol.get() instanceof Symbol.ConstDef)) {
          error(name.name().pos(), "only functions, services and constants can be exported");
        }
      }
    }
  }

  // ---------------------------------------------------------------- declarations

  private void declare(ModuleScope scope, Decl decl, int order) {
    TypeResolver types = new TypeResolver(scope, order, this::error);
    String name = decl.name().name();
    Pos pos = decl.name().pos();
    if (decl instanceof Decl.Data d) {
      Map<String, Type> fields = new LinkedHashMap<>();
      for (Decl.Field f : d.fields()) {
        if (fields.containsKey(f.name().name())) {
          error(f.name().pos(), "field '" + f.name().name() + "' is declared twice");
        }
        types
            .resolve(f.type())
            .ifPresent(t -> fields.put(f.name().name(), checkData(t, f.type().pos())));
      }
      define(
          scope,
          name,
          new Symbol.TypeDef(name, new Type.Struct(name, fields), scope, pos),
          order,
          pos);
    } else if (decl instanceof Decl.Alias a) {
      types
          .resolve(a.type())
          .ifPresent(t -> define(scope, name, new Symbol.TypeDef(name, t, scope, pos), order, pos));
    } else if (decl instanceof Decl.Ability a) {
      Map<String, Type> fields = new LinkedHashMap<>();
      for (Decl.Field f : a.fields()) {
        types.resolve(f.type()).ifPresent(t -> fields.put(f.name().name(), t));
      }
      for (Decl.ArrowDecl arrow : a.arrows()) {
        arrow(types, arrow.signature()).ifPresent(t -> fields.put(arrow.name().name(), t));
      }
      define(
          scope,
          name,
          new Symbol.TypeDef(name, new Type.Ability(name, fields), scope, pos),
          order,
          pos);
    } else if (decl instanceof Decl.Service s) {
      Map<String, Type.Arrow> functions = new LinkedHashMap<>();
      for (Decl.ArrowDecl arrow : s.arrows()) {
        if (functions.containsKey(arrow.name().name())) {
          error(
              arrow.name().pos(),
              "service function '" + arrow.name().name() + "' is declared twice");
        }
        arrow(types, arrow.signature()).ifPresent(t -> functions.put(arrow.name().name(), t));
      }
      Optional<Value.Literal> id = Optional.empty();
      if (s.defaultId().isPresent()) {
        id = constant(scope, s.defaultId().get(), order);
        if (id.isPresent() && !Types.accepts(Types.STRING, id.get().type())) {
          error(s.defaultId().get().pos(), "a service id must be a string, got " + id.get().type());
        }
      }
      define(
          scope,
          name,
          new Symbol.ServiceDef(name, new Type.Service(name, functions), id, scope, pos),
          order,
          pos);
    } else if (decl instanceof Decl.Const c) {
      Optional<Value> value = constValue(scope, c.value(), order);
      if (c.overridable() && constOverrides.containsKey(name)) {
        value = Optional.of(constOverrides.get(name));
      }
      value.ifPresent(
          v -> define(scope, name, new Symbol.ConstDef(name, v, scope, pos), order, pos));
    } else if (decl instanceof Decl.Func f) {
      function(scope, f, types, order);
    }
  }

  private void function(ModuleScope scope, Decl.Func f, TypeResolver types, int order) {
    List<Type> abilities = new ArrayList<>();
    for (Ident ability : f.abilities()) {
      Optional<Symbol> symbol = QualifiedNames.lookup(scope, ability.name(), order);
      if (symbol.isPresent()
          && symbol.get() instanceof Symbol.TypeDef t
          && t.type() instanceof Type.Ability a) {
        abilities.add(a);
      } else if (symbol.isPresent() && symbol.get() instanceof Symbol.ServiceDef s) {
        abilities.add(s.type()); // a service is an ability of its functions
      } else {
        error(ability.pos(), "'" + ability.name() + "' is not an ability");
      }
    }
    List<String> names = new ArrayList<>();
    for (Signature.Param p : f.signature().params()) {
      if (names.contains(p.name().name())) {
        error(p.name().pos(), "parameter '" + p.name().name() + "' is declared twice");
      }
      names.add(p.name().name());
    }
    Optional<Type.Arrow> type = arrow(types, f.signature());
    if (type.isEmpty()) {
      return;
    }
    String name = f.name().name();
    define(
        scope,
        name,
        new Symbol.FuncDef(name, f, names, type.get(), abilities, scope, f.name().pos()),
        order,
        f.name().pos());
  }

  private Optional<Type.Arrow> arrow(TypeResolver types, Signature signature) {
    List<Type> params = new ArrayList<>();
    List<Type> results = new ArrayList<>();
    boolean ok = true;
    for (Signature.Param p : signature.params()) {
      Optional<Type> t = types.resolve(p.type());
      ok &= t.isPresent();
      t.ifPresent(params::add);
    }
    for (var r : signature.results()) {
      Optional<Type> t = types.resolve(r);
      ok &= t.isPresent();
      t.ifPresent(results::add);
    }
    return ok ? Optional.of(new Type.Arrow(params, results)) : Optional.empty();
  }

  private Type checkData(Type t, Pos pos) {
    if (!(t instanceof Type.DataType) || t instanceof Type.Stream) {
      error(pos, "a data field cannot have type " + t);
    }
    return t;
  }

  /** A constant expression folded to a literal: a literal, nil or another constant. */
  private Optional<Value.Literal> constant(ModuleScope scope, Expr expr, int order) {
    Optional<Value.Literal> value =
        Constants.fold(
            expr,
            name -> {
              Optional<Symbol> s = scope.lookup(name, order);
              return s.isPresent()
                      && s.get() instanceof Symbol.ConstDef c
                      && c.value() instanceof Value.Literal l
                  ? Optional.of(l)
                  : Optional.empty();
            });
    if (value.isEmpty()) {
      error(expr.pos(), "a constant must be a literal or another constant");
    }
    return value;
  }

  /** The value of a {@code const} declaration (see {@link Constants#constValue}). */
  private Optional<Value> constValue(ModuleScope scope, Expr expr, int order) {
    Optional<Value> value =
        Constants.constValue(
            expr,
            name -> {
              Optional<Symbol> s = scope.lookup(name, order);
              return s.isPresent() && s.get() instanceof Symbol.ConstDef c
                  ? Optional.of(c.value())
                  : Optional.empty();
            });
    if (value.isEmpty()) {
      error(
          expr.pos(),
          "a constant must be a literal, a built-in value such as HOST_PEER_ID, or another"
              + " constant");
    }
    return value;
  }

  private void define(ModuleScope scope, String name, Symbol symbol, int order, Pos pos) {
    scope
        .define(name, symbol, order)
        .ifPresent(existing -> error(pos, "'" + name + "' is already defined" + where(existing)));
  }

  private String where(Symbol existing) {
    if (existing.owner() != null && existing.owner().module() != current) {
      return " (in " + existing.owner().module().source().displayName() + ")";
    }
    return existing.pos().line() > 0 ? " at line " + existing.pos().line() : "";
  }

  private void error(Pos pos, String message) {
    diagnostics.add(new Diagnostic(current.source(), pos, message));
  }
}
