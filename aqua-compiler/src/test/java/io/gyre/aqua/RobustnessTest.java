package io.gyre.aqua;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.Diagnostic;
import io.gyre.aqua.source.SourceFile;
import io.gyre.aqua.testing.Compile;
import io.gyre.aqua.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Feeds the compiler 10,000 broken Aqua sources: the conformance corpus, the compiler's probes and
 * every file of the published packages (aqua-lib, registry, spell, trust-graph, aqua-ipfs), mutated
 * by deleting, inserting and swapping characters, tokens, lines and indentation. Each mutant keeps
 * its file's place, so its imports still resolve. The compiler must answer each with a result or
 * with compile errors that carry a position — never another exception, never an internal compiler
 * error, never a stack overflow, and within a time bound. The files as they are must pass the same
 * check.
 */
class RobustnessTest {
  private static final long TIME_LIMIT_MS = 5_000;
  private static final String[] SNIPPETS = {
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "!",
    "?",
    "*",
    "-",
    "<-",
    "<<-",
    "->",
    "=",
    "==",
    "\"",
    "\n",
    "\n    ",
    "    ",
    "\t",
    "on ",
    "par ",
    "co ",
    "for x <- ",
    "if ",
    "else:",
    "try:",
    "catch e:",
    "otherwise:",
    "join ",
    "func ",
    "data ",
    "service ",
    "ability ",
    "alias ",
    "const ",
    "import ",
    "use ",
    "export ",
    "aqua ",
    "%init_peer_id%",
    "nil",
    "true",
    "-1",
    "2.5",
    "⊤",
    "x!2",
    ".copy(a = 1)",
    "Ab{X}",
    "((((((((((",
    "]]]]",
    "\"unterminated",
    "get: string -> string",
    "(string -> string, u32)",
    "-> -> string",
    "*[]",
    "?[",
    "Ab(f)",
    "export X as Y, C",
    "use a as b from \"x.aqua\" as M",
    "x: ?string"
  };

  private static List<String> sources;
  private static List<Path> paths;
  private static AquaCompiler compiler;
  private static ExecutorService worker;

  @BeforeContainer
  static void load() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path c : TestFiles.conformanceCases()) {
      files.add(c.resolve("case.aqua"));
    }
    try (Stream<Path> probes = Files.list(Path.of("src/test/resources/io/gyre/aqua/probes"))) {
      probes.sorted().forEach(p -> files.add(p.resolve("case.aqua")));
    }
    for (String spec : TestFiles.NPM_PACKAGES) {
      try (Stream<Path> lib = Files.list(TestFiles.npmPackage(spec))) {
        lib.filter(p -> p.toString().endsWith(".aqua")).sorted().forEach(files::add);
      }
    }
    sources = new ArrayList<>();
    paths = new ArrayList<>();
    for (Path f : files) {
      sources.add(Files.readString(f));
      paths.add(f.toAbsolutePath());
    }
    compiler = Compile.compiler();
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "mutated-aqua");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterContainer
  static void stop() {
    worker.shutdownNow();
  }

  /** A mutated source and the file it came from. */
  record Mutant(String source, Path file) {
    @Override
    public String toString() {
      return file + ":\n" + source;
    }
  }

  @Property(tries = 10_000, seed = "20261122")
  void mutatedSourcesOnlyEverGiveCompileErrors(@ForAll("mutated") Mutant mutant) throws Exception {
    onlyEverGivesCompileErrors(new SourceFile(mutant.file(), "mutated.aqua", mutant.source()));
  }

  /** The same check on every file as it is: the mutants' starting points must pass it too. */
  @Example
  void unmutatedSourcesOnlyEverGiveCompileErrors() throws Exception {
    for (int i = 0; i < sources.size(); i++) {
      Path file = paths.get(i);
      onlyEverGivesCompileErrors(
          new SourceFile(file, file.getFileName().toString(), sources.get(i)));
    }
  }

  /** Compiles {@code input} in time, to a result or to compile errors with a position. */
  private static void onlyEverGivesCompileErrors(SourceFile input) throws Exception {
    String source = input.text();
    Future<?> run =
        worker.submit(
            () -> {
              try {
                compiler.compile(List.of(input));
              } catch (CompileException e) {
                assertTrue(!e.diagnostics().isEmpty(), "a compile error without diagnostics");
                for (Diagnostic d : e.diagnostics()) {
                  assertTrue(d.message() != null && !d.message().isBlank(), "an empty message");
                  assertTrue(!d.message().contains("internal compiler error"), () -> d.render());
                  d.render();
                }
              }
              return null;
            });
    try {
      run.get(TIME_LIMIT_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      throw new AssertionError(
          "compiling took over " + TIME_LIMIT_MS + " ms: " + input.path() + "\n" + source);
    } catch (ExecutionException e) {
      throw new AssertionError(
          "the compiler failed with " + e.getCause() + " on " + input.path() + ":\n" + source,
          e.getCause());
    }
  }

  @Provide
  Arbitrary<Mutant> mutated() {
    return Arbitraries.integers()
        .between(0, Integer.MAX_VALUE - 1)
        .flatMap(
            i ->
                Arbitraries.longs()
                    .map(
                        seed ->
                            new Mutant(
                                mutate(sources.get(i % sources.size()), new Random(seed)),
                                paths.get(i % sources.size()))));
  }

  static String mutate(String source, Random random) {
    String s = source;
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations; m++) {
      s = mutateOnce(s, random);
    }
    return s;
  }

  private static String mutateOnce(String s, Random random) {
    if (s.isEmpty()) {
      return SNIPPETS[random.nextInt(SNIPPETS.length)];
    }
    int at = random.nextInt(s.length());
    switch (random.nextInt(8)) {
      case 0: // delete a few characters
        return s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(5)));
      case 1: // insert a snippet
        return s.substring(0, at) + SNIPPETS[random.nextInt(SNIPPETS.length)] + s.substring(at);
      case 2: // swap two characters
        int other = random.nextInt(s.length());
        char[] chars = s.toCharArray();
        char c = chars[at];
        chars[at] = chars[other];
        chars[other] = c;
        return new String(chars);
      case 3: // delete a token
        return tokens(s, random, true);
      case 4: // duplicate a token
        return tokens(s, random, false);
      default: // reshape lines: swap, duplicate, drop, re-indent
        return lines(s, random);
    }
  }

  private static String tokens(String s, Random random, boolean delete) {
    String[] parts = s.split("(?<=\\s)|(?=\\s)");
    int i = random.nextInt(parts.length);
    List<String> out = new ArrayList<>(List.of(parts));
    if (delete) {
      out.remove(i);
    } else {
      out.add(i, parts[i]);
    }
    return String.join("", out);
  }

  private static String lines(String s, Random random) {
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    int i = random.nextInt(lines.size());
    int j = random.nextInt(lines.size());
    switch (random.nextInt(4)) {
      case 0 -> {
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
      }
      case 1 -> lines.add(i, lines.get(j));
      case 2 -> lines.remove(i);
      default -> {
        String line = lines.get(i);
        int shift = random.nextInt(9) - 4;
        lines.set(
            i,
            shift >= 0
                ? " ".repeat(shift) + line
                : line.replaceFirst("^ {1," + (-shift) + "}", ""));
      }
    }
    return String.join("\n", lines);
  }
}
