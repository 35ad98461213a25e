package dev.vigil.scrape.config;

import java.util.Comparator;

/**
 * The order in which yaml.v2 writes the string keys of a Go map: character by character, but a run of
 * digits compares as a number ({@code a9} before {@code a10}), and a letter sorts after any other character.
 */
enum GoYamlKeyOrder implements Comparator<String> {
  INSTANCE;

  @Override
  public int compare(String left, String right) {
    int[] a = left.codePoints().toArray();
    int[] b = right.codePoints().toArray();
    for (int i = 0; i < a.length && i < b.length; i++) {
      if (a[i] == b[i]) {
        continue;
      }
      boolean aLetter = Character.isLetter(a[i]);
      boolean bLetter = Character.isLetter(b[i]);
      if (aLetter && bLetter) {
        return Integer.compare(a[i], b[i]);
      }
      if (aLetter || bLetter) {
        return aLetter ? 1 : -1;
      }
      return compareNumbers(a, b, i);
    }
    return Integer.compare(a.length, b.length);
  }

  /**
   * Compares the digit runs starting at {@code i} (where there is none, the number is 0) by value, then
   * by length, then by their first characters. When either side has a zero that continues a number
   * begun before {@code i}, both values start from 1 instead of 0, as in yaml.v2.
   */
  private static int compareNumbers(int[] a, int[] b, int i) {
    long an = 0;
    long bn = 0;
    if (a[i] == '0' || b[i] == '0') {
      for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
        if (a[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    int ai = i;
    for (; ai < a.length && Character.isDigit(a[ai]); ai++) {
      an = an * 10 + (a[ai] - '0');
    }
    int bi = i;
    for (; bi < b.length && Character.isDigit(b[bi]); bi++) {
      bn = bn * 10 + (b[bi] - '0');
    }
    if (an != bn) {
      return an < bn ? -1 : 1;
    }
    if (ai != bi) {
      return ai < bi ? -1 : 1;
    }
    return Integer.compare(a[i], b[i]);
  }
}
