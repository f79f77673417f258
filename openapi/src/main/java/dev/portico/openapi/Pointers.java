package dev.portico.openapi;

/** JSON pointers (RFC 6901). */
final class Pointers {
  private Pointers() {}

  /** The pointer to a member or element of the node at {@code parent}. */
  static String child(String parent, String token) {
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }
}
