package io.gyre.aqua.resolve;

import io.gyre.aqua.ast.Module;
import io.gyre.aqua.parse.AquaSourceParser;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.Pos;
import io.gyre.aqua.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the entry files and every file they import, transitively. Files are parsed once each (a
 * cache of parsed modules may be shared between compilations); the result lists modules so that
 * every module comes after the modules it imports.
 */
public final class ModuleLoader {
  /** Files larger than this are rejected before parsing. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  private final ImportResolver resolver;
  private final Function<Path, Module> cache;
  private final Map<Path, Module> parsed = new HashMap<>();
  // Modules are records (compared by content): identity maps keep lookups cheap.
  private final Map<Module, Map<String, Path>> imports = new IdentityHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /**
   * @param cache modules parsed before (by absolute path), or {@code p -> null}
   */
  public ModuleLoader(ImportResolver resolver, Function<Path, Module> cache) {
    this.resolver = resolver;
    this.cache = cache;
  }

  /** All loaded modules in dependency order, with each module's resolved imports. */
  public record Loaded(
      List<Module> modules,
      List<Module> entries,
      Map<Module, Map<String, Path>> imports,
      Map<Path, Module> byPath) {}

  public Loaded load(List<SourceFile> entries) throws CompileException {
    List<Module> entryModules = new ArrayList<>();
    for (SourceFile entry : entries) {
      Module module = parse(entry);
      if (module != null) {
        if (entry.path() != null) {
          parsed.put(entry.path().toAbsolutePath().normalize(), module);
        }
        entryModules.add(module);
      }
    }
    List<Module> order = new ArrayList<>();
    Set<Module> done = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Module> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Module module : entryModules) {
      visit(module, order, done, visiting);
    }
    if (!diagnostics.isEmpty()) {
      throw new CompileException(diagnostics);
    }
    return new Loaded(order, entryModules, imports, parsed);
  }

  private void visit(Module module, List<Module> order, Set<Module> done, Set<Module> visiting) {
    if (done.contains(module)) {
      return;
    }
    if (!visiting.add(module)) {
      return; // a cycle: reported where the import is read
    }
    Map<String, Path> resolved = new LinkedHashMap<>();
    for (Module.HeadItem item : module.heads()) {
      String path;
      Pos pos;
      if (item instanceof Module.Import i) {
        path = i.path();
        pos = i.pos();
      } else if (item instanceof Module.Use u) {
        path = u.path();
        pos = u.pos();
      } else {
        continue;
      }
      Path from =
          module.source().path() != null
              ? module.source().path()
              : Path.of(module.source().displayName());
      ImportResolver.Resolution resolution = resolver.resolve(from, path);
      if (resolution instanceof ImportResolver.NotFound nf) {
        diagnostics.add(
            new Diagnostic(
                module.source(),
                pos,
                "cannot resolve import \""
                    + path
                    + "\" (looked for "
                    + describe(nf.tried())
                    + ")"));
        continue;
      }
      Path file = ((ImportResolver.Found) resolution).file().toAbsolutePath().normalize();
      Module imported = parsed.get(file);
      if (imported == null) {
        imported = cache.apply(file);
        if (imported == null) {
          imported = read(module, pos, file);
        }
        if (imported == null) {
          continue;
        }
        parsed.put(file, imported);
      }
      if (visiting.contains(imported)) {
        diagnostics.add(
            new Diagnostic(
                module.source(), pos, "import cycle: \"" + path + "\" imports this file back"));
        continue;
      }
      resolved.put(path, file);
      visit(imported, order, done, visiting);
    }
    imports.put(module, resolved);
    visiting.remove(module);
    done.add(module);
    order.add(module);
  }

  private Module read(Module importer, Pos pos, Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        diagnostics.add(
            new Diagnostic(importer.source(), pos, "imported file is too large: " + file));
        return null;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return parse(new SourceFile(file, file.toString(), text));
    } catch (IOException e) {
      diagnostics.add(
          new Diagnostic(importer.source(), pos, "cannot read " + file + ": " + e.getMessage()));
      return null;
    }
  }

  private Module parse(SourceFile file) {
    try {
      return AquaSourceParser.parse(file);
    } catch (CompileException e) {
      diagnostics.addAll(e.diagnostics());
      return null;
    }
  }

  private static String describe(List<Path> tried) {
    int shown = Math.min(tried.size(), 4);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      out.append(i == 0 ? "" : ", ").append(tried.get(i));
    }
    if (tried.size() > shown) {
      out.append(" and ").append(tried.size() - shown).append(" more places");
    }
    return out.toString();
  }
}
