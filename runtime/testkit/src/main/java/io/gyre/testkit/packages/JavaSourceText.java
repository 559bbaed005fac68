package io.gyre.testkit.packages;

/**
 * Java source with its comments and string and character literals blanked, so that names in Javadoc
 * or in messages are not mistaken for references. Text blocks count as strings.
 */
final class JavaSourceText {
  private JavaSourceText() {}

  static String code(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("//", i)) {
        i = skipTo(source, i, "\n");
      } else if (source.startsWith("/*", i)) {
        i = skipTo(source, i + 2, "*/");
      } else if (source.startsWith("\"\"\"", i)) {
        i = skipTo(source, i + 3, "\"\"\"");
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        i = skipQuoted(source, i);
      } else {
        out.append(source.charAt(i));
        i++;
        continue;
      }
      out.append(' ');
    }
    return out.toString();
  }

  /** The index just past {@code end}, searching from {@code from}; the text's end if absent. */
  private static int skipTo(String source, int from, String end) {
    int at = source.indexOf(end, from);
    return at < 0 ? source.length() : at + end.length();
  }

  private static int skipQuoted(String source, int start) {
    char quote = source.charAt(start);
    int i = start + 1;
    while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, source.length());
  }
}
