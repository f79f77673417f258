package dev.portico.payload;

import java.util.Objects;

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
}
