package io.gyre.cli.console;

import picocli.CommandLine;

/**
 * gyre's {@code --verbose}, declared once on the top command and inherited by every subcommand.
 * Here rather than on that command so that subcommands can ask for it without depending on the
 * package that lists them.
 */
public final class VerboseOption {
  public static final String NAME = "--verbose";

  private VerboseOption() {}

  /** Whether {@code --verbose} was given, before or after the subcommand. */
  public static boolean given(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult level = parseResult;
        level != null;
        level = level.hasSubcommand() ? level.subcommand() : null) {
      if (level.hasMatchedOption(NAME)) {
        return true;
      }
    }
    return false;
  }
}
