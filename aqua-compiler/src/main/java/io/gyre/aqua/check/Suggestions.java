package io.gyre.aqua.check;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean ..." hints for misspelt names. */
final class Suggestions {
  private Suggestions() {}

  static String didYouMean(String name, Collection<String> candidates) {
    List<String> close =
        candidates.stream()
            .distinct()
            .filter(c -> !c.equals(name) && distance(c, name) <= Math.max(2, name.length() / 3))
            .sorted(Comparator.comparingInt((String c) -> distance(c, name)))
            .limit(3)
            .toList();
    if (close.isEmpty()) {
      return "";
    }
    return "; did you mean "
        + String.join(", ", close.stream().map(c -> "'" + c + "'").toList())
        + "?";
  }

  /** Edit distance where swapping two neighbouring letters is one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
