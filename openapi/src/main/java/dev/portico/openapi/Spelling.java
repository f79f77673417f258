package dev.portico.openapi;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name an unknown one was probably meant to be: what turns "ignored" into "did you mean 'security'?".
 * Names are compared without case (a name differing only in case is close) by edit distance (insertions, deletions, substitutions and swaps of neighbours);
 * a name is close when it is at most one edit away for names up to 4 characters, two up to 10, three beyond.
 */
final class Spelling {
  private Spelling() {}

  /**
   * The closest known name.
   *
   * @param name the unknown name
   * @param known the names that mean something here
   * @return the known name it is close to; empty when none is (ties go to the first in iteration order)
   */
  static Optional<String> closest(String name, Collection<String> known) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int allowed = wanted.length() <= 4 ? 1 : wanted.length() <= 10 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT), allowed);
      if (!candidate.equals(name) && distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The optimal-string-alignment distance of two names, or {@code limit + 1} when it is certainly over the limit. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
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
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
