package io.gyre.aqua.tools;

import io.gyre.aqua.AquaCompiler;
import io.gyre.aqua.CompileOptions;
import io.gyre.aqua.CompiledFunction;
import io.gyre.aqua.source.CompileException;
import io.gyre.aqua.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Developer tool: {@code CorpusCheck FILE...} compiles each file on its own and prints one line per
 * file, {@code OK} with the number and the sorted names of the compiled functions, {@code FAIL} with
 * the first diagnostic, or {@code CRASH} with the exception, to
 * compare with what the real compiler says about the same files. {@code --import DIR} (any number,
 * before the files) adds import roots after {@code ~/.cache/gyre/npm}, and the {@code .fluence/aqua}
 * folder of each ancestor directory of a file is one too (as the Fluence CLI compiles a project);
 * {@code --air DIR} writes each compiled function's AIR to {@code DIR/N-NAME.air} (N: the file's
 * position among the arguments, from 1); {@code
 * scripts/corpus-tally.sh} runs it beside the real compiler on a directory of files.
 */
public final class CorpusCheck {
  public static void main(String[] args) throws Exception {
    List<Path> roots = new ArrayList<>();
    roots.add(Path.of(System.getProperty("user.home"), ".cache/gyre/npm"));
    List<String> files = new ArrayList<>();
    Path airDir = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--import") && i + 1 < args.length) {
        roots.add(Path.of(args[++i]));
      } else if (args[i].equals("--air") && i + 1 < args.length) {
        airDir = Files.createDirectories(Path.of(args[++i]));
      } else {
        files.add(args[i]);
      }
    }
    int index = 0;
    for (String arg : files) {
      index++;
      Path file = Path.of(arg).toAbsolutePath();
      List<Path> fileRoots = new ArrayList<>(roots);
      for (Path d = file.getParent(); d != null; d = d.getParent()) {
        Path candidate = d.resolve(".fluence").resolve("aqua");
        if (Files.isDirectory(candidate)) {
          fileRoots.add(candidate);
        }
      }
      AquaCompiler compiler =
          new AquaCompiler(CompileOptions.defaults().withImportRoots(fileRoots));
      try {
        List<CompiledFunction> functions =
            compiler
                .compile(List.of(new SourceFile(file, arg, Files.readString(file))))
                .get(0)
                .functions();
        if (airDir != null) {
          for (CompiledFunction f : functions) {
            Files.writeString(airDir.resolve(index + "-" + f.name() + ".air"), f.air());
          }
        }
        System.out.println(
            "OK "
                + arg
                + " "
                + functions.size()
                + " "
                + String.join(
                    ",", functions.stream().map(CompiledFunction::name).sorted().toList()));
      } catch (CompileException e) {
        System.out.println("FAIL " + arg + " " + e.diagnostics().get(0));
      } catch (RuntimeException | Error e) {
        System.out.println("CRASH " + arg + " " + e);
      }
    }
  }
}
