package dev.portico.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what the JDK's HttpClient will not send (a raw path, {@code Expect:
 * 100-continue}, a declared length it never sends). Shared with the server and examples tests (test jar).
 */
public final class RawHttp {
  private RawHttp() {}

  /**
   * Sends a request as written and reads one response.
   *
   * @param port the port on 127.0.0.1
   * @param request the request's bytes, as ISO-8859-1 text
   * @return the response head and body
   * @throws IOException when the exchange fails
   */
  public static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return readResponse(socket.getInputStream());
    }
  }

  /**
   * Reads one response whose body has a {@code Content-Length}.
   *
   * @param in the connection's input
   * @return the head and the body, as text
   * @throws IOException when reading fails
   */
  public static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
