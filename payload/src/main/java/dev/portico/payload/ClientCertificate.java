package dev.portico.payload;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * The client certificate of a mutual-TLS connection, as API Gateway describes it in events: 2.0
 * {@code requestContext.authentication.clientCert}, 1.0 {@code requestContext.identity.clientCert}.
 * The values are text exactly as they appear in the event.
 *
 * <pre>{@code
 * ClientCertificate cert = new ClientCertificate("-----BEGIN CERTIFICATE-----\n...",
 *     "C=US,O=Example,CN=client", "C=US,O=Example,CN=Example CA", "1",
 *     "Aug 29 00:28:21 2020 GMT", "Aug  5 00:28:21 2120 GMT");
 * }</pre>
 *
 * @param clientCertPem the certificate in PEM form
 * @param subjectDN the subject's distinguished name
 * @param issuerDN the issuer's distinguished name
 * @param serialNumber the serial number
 * @param notBefore start of validity, e.g. {@code "May 28 12:30:02 2019 GMT"}
 * @param notAfter end of validity, e.g. {@code "Aug  5 09:36:04 2021 GMT"}
 */
public record ClientCertificate(
    String clientCertPem,
    String subjectDN,
    String issuerDN,
    String serialNumber,
    String notBefore,
    String notAfter) {

  /**
   * Checks that no value is null.
   *
   * @param clientCertPem the certificate in PEM form
   * @param subjectDN the subject's distinguished name
   * @param issuerDN the issuer's distinguished name
   * @param serialNumber the serial number
   * @param notBefore start of validity
   * @param notAfter end of validity
   */
  public ClientCertificate {
    Objects.requireNonNull(clientCertPem, "clientCertPem");
    Objects.requireNonNull(subjectDN, "subjectDN");
    Objects.requireNonNull(issuerDN, "issuerDN");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  /** OpenSSL's {@code %b %e %H:%M:%S %Y GMT}: the day padded with a space, as in {@code "Aug  5 00:28:21 2120 GMT"}. */
  private static final DateTimeFormatter VALIDITY =
      DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Describes a certificate the way API Gateway does in events captured from mutual-TLS APIs (the aws-lambda-go
   * samples {@code apigw-v2-request-*.json}): distinguished names in the certificate's own RDN order, comma
   * separated without spaces ({@code C=US,O=Example,CN=client}); the serial number in decimal; validity in
   * OpenSSL's format; the certificate in PEM.
   *
   * @param certificate the client's certificate, as a TLS stack hands it over
   * @return its description
   * @throws IllegalArgumentException when the certificate cannot be encoded
   */
  public static ClientCertificate of(X509Certificate certificate) {
    Objects.requireNonNull(certificate, "certificate");
    String pem;
    try {
      pem = "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded: " + e.getMessage(), e);
    }
    return new ClientCertificate(
        pem,
        distinguishedName(certificate.getSubjectX500Principal()),
        distinguishedName(certificate.getIssuerX500Principal()),
        certificate.getSerialNumber().toString(),
        VALIDITY.format(certificate.getNotBefore().toInstant()),
        VALIDITY.format(certificate.getNotAfter().toInstant()));
  }

  /** RFC 2253 prints the last RDN first; AWS prints them in the certificate's order. */
  private static String distinguishedName(X500Principal principal) {
    String rfc2253 = principal.getName(X500Principal.RFC2253);
    List<String> rdns = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < rfc2253.length(); i++) {
      char c = rfc2253.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ',') {
        rdns.add(rfc2253.substring(start, i));
        start = i + 1;
      }
    }
    rdns.add(rfc2253.substring(start));
    Collections.reverse(rdns);
    return String.join(",", rdns);
  }
}
