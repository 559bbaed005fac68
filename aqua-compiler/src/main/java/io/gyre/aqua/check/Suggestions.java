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
            .filter(c -> !c.equals(name) && distance(c, name) <= Math.max(1, name.length() / 3))
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

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
