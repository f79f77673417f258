package dev.portico.servlet;

import static dev.portico.servlet.Functions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.gateway.Gateway;
import dev.portico.gateway.HttpApi;
import dev.portico.gateway.Route;
import dev.portico.integration.LambdaIntegration;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mutual-TLS client certificate reaches the event, over real TLS with keys made by the JDK's keytool. */
class MutualTlsIT {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @Test
  void theClientCertificateReachesTheEvent(@TempDir Path dir) throws Exception {
    Path serverStore = keytool(dir, "server", "CN=localhost", "SAN=ip:127.0.0.1");
    Path clientStore = keytool(dir, "client", "CN=My Client, O=Example, C=US", null);

    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(serverStore.toString());
    tls.setKeyStorePassword("changeit");
    tls.setKeyStoreType("PKCS12");
    tls.setTrustStore(trustStoreOf(clientStore, "client"));
    tls.setNeedClientAuth(true);
    HttpConfiguration https = Jetty.httpConfiguration();
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    Gateway gateway = Gateway.create(HttpApi.builder()
        .route(Route.of("GET /whoami", LambdaIntegration.of("echo", Functions.ECHO_EVENT))).build());

    try (Jetty jetty = Jetty.start("/", 50, j -> j.servlet(PorticoServlet.of(gateway), "/*", true),
        new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https))) {
      SSLContext client = SSLContext.getInstance("TLS");
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(clientStore), PASSWORD);
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStoreOf(serverStore, "server"));
      client.init(keys.getKeyManagers(), trust.getTrustManagers(), null);

      HttpResponse<String> response = HttpClient.newBuilder().sslContext(client).version(HttpClient.Version.HTTP_1_1)
          .build().send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + jetty.port() + "/whoami")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode cert = json(response.body()).path("requestContext").path("authentication").path("clientCert");
      assertThat(cert.path("subjectDN").asText()).isEqualTo("C=US,O=Example,CN=My Client");
      assertThat(cert.path("clientCertPem").asText()).startsWith("-----BEGIN CERTIFICATE-----\n");
      assertThat(cert.path("validity").path("notAfter").asText()).endsWith("GMT");
    }
  }

  private static Path keytool(Path dir, String alias, String dname, String san) throws Exception {
    Path store = dir.resolve(alias + ".p12");
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", dname, "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit"));
    if (san != null) {
      command.addAll(java.util.List.of("-ext", san));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return store;
  }

  private static KeyStore load(Path store) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD);
    }
    return keyStore;
  }

  private static KeyStore trustStoreOf(Path store, String alias) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry(alias, load(store).getCertificate(alias));
    return trusted;
  }
}
