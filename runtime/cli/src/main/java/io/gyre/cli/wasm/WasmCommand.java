package io.gyre.cli.wasm;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `gyre wasm …`: run and inspect WebAssembly services. */
@Command(
    name = "wasm",
    mixinStandardHelpOptions = true,
    description = "Run and inspect WebAssembly services.",
    subcommands = {WasmCallCommand.class, WasmDescribeCommand.class})
public final class WasmCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
