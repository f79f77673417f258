package dev.portico.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClientCertificate#of(X509Certificate)} on a real certificate made by the JDK's keytool. */
class ClientCertificateTest {

  @Test
  void describesACertificateAsAwsEventsDo(@TempDir Path dir) throws Exception {
    X509Certificate certificate = keytool(dir,
        "CN=My Client, OU=Security, O=Amazon Web Services, L=Seattle, ST=Washington, C=US");

    ClientCertificate described = ClientCertificate.of(certificate);

    // The aws-lambda-go sample apigw-v2-request-no-authorizer.json: the certificate's RDN order, no spaces.
    assertThat(described.subjectDN())
        .isEqualTo("C=US,ST=Washington,L=Seattle,O=Amazon Web Services,OU=Security,CN=My Client");
    assertThat(described.issuerDN()).isEqualTo(described.subjectDN());
    assertThat(described.serialNumber()).isEqualTo(certificate.getSerialNumber().toString());
    assertThat(described.notBefore()).matches("[A-Z][a-z]{2} [ 1-3][0-9] \\d\\d:\\d\\d:\\d\\d \\d{4} GMT");
    assertThat(described.notAfter()).endsWith(" 2126 GMT").hasSize("Aug  5 00:28:21 2120 GMT".length());
    X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(described.clientCertPem().getBytes(StandardCharsets.US_ASCII)));
    assertThat(parsed).isEqualTo(certificate);
    assertThat(described.clientCertPem()).startsWith("-----BEGIN CERTIFICATE-----\n")
        .endsWith("\n-----END CERTIFICATE-----\n");
  }

  @Test
  void escapedCommasStayInsideTheirName(@TempDir Path dir) throws Exception {
    X509Certificate certificate = keytool(dir, "CN=Pets\\, Inc., O=Example, C=US");

    assertThat(ClientCertificate.of(certificate).subjectDN()).isEqualTo("C=US,O=Example,CN=Pets\\, Inc.");
  }

  private static X509Certificate keytool(Path dir, String dname) throws Exception {
    Path store = dir.resolve("client.p12");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "36500",
            "-dname", dname, "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, "changeit".toCharArray());
    }
    return (X509Certificate) keyStore.getCertificate("client");
  }
}
