package dev.portico.integration.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.example.OrdersHandler;
import dev.portico.integration.Integration;
import dev.portico.integration.LambdaFunction;
import dev.portico.integration.LambdaIntegration;
import dev.portico.integration.aws.handlers.PetsHandler;
import dev.portico.integration.aws.handlers.RawHandler;
import dev.portico.payload.PayloadFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every javadoc example of the package, verbatim (the build checks that each one appears in a test), kept
 * compiling and true. The loading examples run against a real deployment package: a jar holding
 * {@code com.example.OrdersHandler} and the {@code aws-lambda-java-events} classes it uses, as a Lambda zip would.
 */
class AwsExamplesTest {
  @TempDir
  Path folder;

  @Test
  void packageExample() {
    assertThatThrownBy(() -> {
      // A handler object you already have:
      LambdaFunction pets = AwsLambdaHandlers.requestHandler(new PetsHandler());

      // A handler named the way Lambda names it, loaded in its own class loader:
      ClassLoader loader = AwsLambdaHandlers.functionClassLoader("orders", List.of(Path.of("build/orders.jar")));
      LambdaFunction orders = AwsLambdaHandlers.load("com.example.OrdersHandler::handle", loader);
      Integration integration = LambdaIntegration.of("orders", orders);
    }).isInstanceOf(IllegalArgumentException.class) // no build/orders.jar here: a missing jar fails fast, named
        .hasMessageStartingWith("classpath entry 'build/orders.jar' of function orders does not exist");
  }

  @Test
  void awsLambdaHandlersExample() throws Exception {
    Path ordersJar = deploymentPackage();

    LambdaFunction direct = AwsLambdaHandlers.requestHandler(new PetsHandler());
    LambdaFunction streams = AwsLambdaHandlers.streamHandler(new RawHandler());

    ClassLoader loader = AwsLambdaHandlers.functionClassLoader("orders", List.of(ordersJar));   // its own statics
    LambdaFunction orders = AwsLambdaHandlers.load("com.example.OrdersHandler::handle", loader);

    assertThat(AwsLambdaHandlersTest.run(direct, "pets").bodyText()).startsWith("pet 7 via GET /pets/7 for pets");
    assertThat(AwsLambdaHandlersTest.run(streams, "raw").bodyText())
        .isEqualTo(Integer.toString(AwsLambdaHandlersTest.event(PayloadFormat.V2_0).length));
    assertThat(AwsLambdaHandlersTest.run(orders, "orders").bodyText()).isEqualTo("order 7 for orders");
    assertThat(loader.loadClass("com.example.OrdersHandler")).isNotSameAs(OrdersHandler.class);
    ((AutoCloseable) loader).close();
  }

  @Test
  void functionClassLoaderWithEnvironmentExample() throws Exception {
    Path jar = deploymentPackage();

    URLClassLoader orders = AwsLambdaHandlers.functionClassLoader("orders", List.of(jar), Map.of("TABLE", "orders"));
    URLClassLoader users = AwsLambdaHandlers.functionClassLoader("users", List.of(jar), Map.of("TABLE", "users"));

    Class<?> handler = orders.loadClass("com.example.OrdersHandler");
    assertThat(handler.getProtectionDomain().getCodeSource().getLocation().toURI()).isEqualTo(jar.toUri());
    assertThat(handler.getPackage().getName()).isEqualTo("com.example");
    assertThat(users.loadClass("com.example.OrdersHandler")).isNotSameAs(handler);
    assertThat(AwsLambdaHandlersTest.run(AwsLambdaHandlers.load("com.example.OrdersHandler::handle", users), "users")
        .bodyText()).isEqualTo("order 7 for users");
    orders.close();
    users.close();
  }

  @Test
  void lambdaEnvironmentExample() {
    String table = LambdaEnvironment.getenv("TABLE", PetsHandler.class);   // the function's TABLE, else the host's

    assertThat(table).as("PetsHandler is no function's class here: the host's").isEqualTo(System.getenv("TABLE"));
  }

  @Test
  void awsLambdaHandlersReadInputExample() {
    byte[] eventJson = AwsLambdaHandlersTest.event(PayloadFormat.V2_0);

    APIGatewayV2HTTPEvent event = AwsLambdaHandlers.readInput(eventJson, APIGatewayV2HTTPEvent.class);

    assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("192.0.2.1");
    assertThat(event.getPathParameters()).containsEntry("id", "7");
  }

  /** A jar with OrdersHandler and the events library, the shape of a Lambda deployment package. */
  private Path deploymentPackage() throws Exception {
    Path jar = folder.resolve("orders.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        JarFile events = new JarFile(AwsLambdaHandlersTest.location(APIGatewayV2HTTPEvent.class).toFile())) {
      String handler = OrdersHandler.class.getName().replace('.', '/') + ".class";
      try (InputStream in = OrdersHandler.class.getClassLoader().getResourceAsStream(handler)) {
        copy(out, handler, in);
      }
      for (Enumeration<JarEntry> entries = events.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().endsWith(".class") && !entry.getName().contains("module-info")) {
          try (InputStream in = events.getInputStream(entry)) {
            copy(out, entry.getName(), in);
          }
        }
      }
    }
    return jar;
  }

  private static void copy(JarOutputStream out, String name, InputStream in) throws IOException {
    out.putNextEntry(new JarEntry(name));
    in.transferTo(out);
    out.closeEntry();
  }
}
