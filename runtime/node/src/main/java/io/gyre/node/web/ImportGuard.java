package io.gyre.node.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the playground's imports to packages under the import roots: a source typed into the page
 * may not name an absolute path or climb out with {@code ..}, so it cannot read the peer's other
 * files through the compiler. Only the typed source is checked; the packages it imports are the
 * operator's own files.
 */
final class ImportGuard {
  private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*(import|use)\\b(.*)$");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  /** An import the playground refuses: where it is (1-based) and why. */
  record Refusal(int line, int column, int length, String message) {}

  private ImportGuard() {}

  static List<Refusal> check(String source) {
    List<Refusal> refusals = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher statement = IMPORT_LINE.matcher(lines[i]);
      if (!statement.matches()) {
        continue;
      }
      Matcher path = QUOTED.matcher(lines[i]);
      while (path.find()) {
        String named = path.group(1);
        if (escapes(named)) {
          refusals.add(
              new Refusal(
                  i + 1,
                  path.start() + 1,
                  path.end() - path.start(),
                  "the playground imports only packages under the peer's import roots (e.g. "
                      + "\"@fluencelabs/aqua-lib/builtin.aqua\"), not \""
                      + named
                      + "\": no absolute paths, no \"..\""));
        }
      }
    }
    return refusals;
  }

  private static boolean escapes(String path) {
    String normal = path.replace('\\', '/');
    if (normal.startsWith("/") || normal.startsWith("~") || normal.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String segment : normal.split("/")) {
      if (segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
