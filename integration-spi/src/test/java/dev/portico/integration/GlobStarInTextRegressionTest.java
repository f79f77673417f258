package dev.portico.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Found by GlobProperties: a '*' in the pattern was first compared as a literal with a '*' in the text. */
class GlobStarInTextRegressionTest {
  @Test
  void aStarIsAlwaysAWildcard() {
    assertThat(Glob.matches("*", "**", false)).isTrue();
    assertThat(Glob.matches("a*", "a*b", false)).isTrue();
    assertThat(Glob.matches("arn:*/GET/*", "arn:x/*/GET/pets", false)).isTrue();
  }
}
