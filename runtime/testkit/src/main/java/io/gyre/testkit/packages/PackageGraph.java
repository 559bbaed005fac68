package io.gyre.testkit.packages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of one source tree use which others: read from {@code import} lines and from fully
 * qualified names in the code, not from compiled classes (cheap, and the tree need not compile on
 * its own). A package's {@code internal} sub-packages count as the package itself: the design lets
 * an API package and its own internals know each other.
 *
 * @param edges for each package, the packages it uses, each with the first place that shows it
 */
public record PackageGraph(Map<String, Map<String, String>> edges) {
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
  // A lower-case dotted name followed by a capitalised one: io.gyre.x.Type in code.
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b([a-z_]\\w*(?:\\.[a-z_]\\w*)+\\.[A-Z]\\w*)");

  /** Reads every {@code .java} file under {@code sourceRoot} (e.g. a module's src/main/java). */
  public static PackageGraph read(Path sourceRoot) {
    List<SourceFile> files = sources(sourceRoot);
    Set<String> packages = new TreeSet<>();
    files.forEach(f -> packages.add(f.packageName()));
    Map<String, Map<String, String>> edges = new TreeMap<>();
    for (SourceFile file : files) {
      String from = owner(file.packageName());
      Map<String, String> uses = edges.computeIfAbsent(from, p -> new TreeMap<>());
      for (String name : file.referencedNames()) {
        longestKnownPrefix(name, packages)
            .map(PackageGraph::owner)
            .filter(to -> !to.equals(from))
            .ifPresent(to -> uses.putIfAbsent(to, file.name() + " uses " + name));
      }
    }
    return new PackageGraph(edges);
  }

  /** The package a package's internals belong to: {@code a.b.internal.c} is {@code a.b}. */
  static String owner(String packageName) {
    int at = ("." + packageName + ".").indexOf(".internal.");
    return at <= 0 ? packageName : packageName.substring(0, at - 1);
  }

  /**
   * The package a referenced name is in. The rest of the name must start with a type (upper case):
   * {@code a.b.gen.Lexer} with {@code a.b.gen} generated elsewhere is not a use of {@code a.b}.
   */
  private static Optional<String> longestKnownPrefix(String name, Set<String> packages) {
    String candidate = name;
    while (true) {
      boolean typeFollows =
          candidate.length() == name.length()
              || Character.isUpperCase(name.charAt(candidate.length() + 1));
      if (packages.contains(candidate)) {
        return typeFollows ? Optional.of(candidate) : Optional.empty();
      }
      int dot = candidate.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      candidate = candidate.substring(0, dot);
    }
  }

  private record SourceFile(String name, String packageName, List<String> referencedNames) {}

  private static List<SourceFile> sources(Path sourceRoot) {
    if (!Files.isDirectory(sourceRoot)) {
      throw new IllegalArgumentException("no source directory " + sourceRoot.toAbsolutePath());
    }
    try (Stream<Path> paths = Files.walk(sourceRoot)) {
      return paths
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .map(p -> parse(sourceRoot.relativize(p).toString(), contents(p)))
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String contents(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Empty for a file without a package (package-info of the default package, say). */
  private static Optional<SourceFile> parse(String name, String source) {
    String code = JavaSourceText.code(source);
    Matcher packageLine = PACKAGE.matcher(code);
    if (!packageLine.find()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    Matcher imports = IMPORT.matcher(code);
    while (imports.find()) {
      names.add(imports.group(1));
    }
    Matcher qualified = QUALIFIED.matcher(code.substring(packageLine.end()));
    while (qualified.find()) {
      names.add(qualified.group(1));
    }
    return Optional.of(new SourceFile(name, packageLine.group(1), names));
  }
}
