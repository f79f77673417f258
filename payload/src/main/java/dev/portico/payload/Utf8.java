package dev.portico.payload;

/** UTF-8 well-formedness (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), without allocating. */
final class Utf8 {
  private Utf8() {}

  static boolean isWellFormed(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      b &= 0xFF;
      int needed;
      int min2;
      int max2 = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        needed = 1;
        min2 = 0x80;
      } else if (b >= 0xE0 && b <= 0xEF) {
        needed = 2;
        min2 = b == 0xE0 ? 0xA0 : 0x80;
        max2 = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        needed = 3;
        min2 = b == 0xF0 ? 0x90 : 0x80;
        max2 = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        return false;
      }
      if (i + needed >= end) {
        return false;
      }
      int second = bytes[i + 1] & 0xFF;
      if (second < min2 || second > max2) {
        return false;
      }
      for (int k = 2; k <= needed; k++) {
        int next = bytes[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          return false;
        }
      }
      i += needed + 1;
    }
    return true;
  }
}
