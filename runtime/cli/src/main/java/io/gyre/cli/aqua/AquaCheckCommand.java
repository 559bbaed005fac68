package io.gyre.cli.aqua;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `gyre aqua check FILE...`: report every error, exit 0 when there is none. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Check Aqua files (and what they import) without writing anything; exit 1 on errors.")
public final class AquaCheckCommand implements Callable<Integer> {
  @Mixin CompilerOptionsMixin options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // The whole compile, so that warnings (deprecated forms) are reported as well as errors.
    return options.compileOrReport(spec.commandLine().getErr()).isPresent() ? 0 : 1;
  }
}
