package dev.portico.auth.jwt;

/** A check failed: the reason and a precise detail for logs. Cheap: no stack trace. */
final class Rejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final DenialReason reason;

  Rejection(DenialReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  DenialReason reason() {
    return reason;
  }
}
