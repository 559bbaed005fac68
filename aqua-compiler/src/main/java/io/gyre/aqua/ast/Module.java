package io.gyre.aqua.ast;

import io.gyre.aqua.source.Pos;
import io.gyre.aqua.source.SourceFile;
import java.util.List;
import java.util.Optional;

/** One parsed Aqua file: its header, its imports and exports, and its declarations. */
public record Module(
    SourceFile source, Optional<Header> header, List<HeadItem> heads, List<Decl> decls) {

  public Module {
    heads = List.copyOf(heads);
    decls = List.copyOf(decls);
  }

  /**
   * {@code aqua Name declares *} or {@code module Name declares a, b}; {@code keyword} is where
   * {@code aqua}/{@code module} was written and {@code deprecated} marks the older {@code module}.
   */
  public record Header(
      Ident name, boolean declaresAll, List<Ident> declares, boolean deprecated, Pos keyword) {
    public Header {
      declares = List.copyOf(declares);
    }
  }

  /** A name taken from another module, optionally renamed. */
  public record ImportedName(Ident name, Optional<Ident> alias) {
    public String localName() {
      return alias.orElse(name).name();
    }
  }

  /** What a file's head may contain besides its header. */
  public sealed interface HeadItem {
    Pos pos();
  }

  /** {@code import "path"} (everything) or {@code import a, B as C from "path"}. */
  public record Import(String path, Pos pos, List<ImportedName> names) implements HeadItem {
    public Import {
      names = List.copyOf(names);
    }
  }

  /** {@code use "path" as Name} or {@code use a, b from "path" as Name}: a qualified import. */
  public record Use(String path, Pos pos, List<ImportedName> names, Optional<Ident> alias)
      implements HeadItem {
    public Use {
      names = List.copyOf(names);
    }
  }

  /** {@code export a, b as c}: the functions compiled to AIR (and what a module exposes). */
  public record Export(List<ImportedName> names, Pos pos) implements HeadItem {
    public Export {
      names = List.copyOf(names);
    }
  }
}
