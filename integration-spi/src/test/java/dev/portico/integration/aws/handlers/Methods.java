package dev.portico.integration.aws.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;

/** Handlers named as Class::method, POJO style. */
public class Methods {
  public Map<String, Object> hello(Map<String, Object> event) {
    return Map.of("statusCode", 200, "body", "one argument");
  }

  public Map<String, Object> hello(Map<String, Object> event, Context context) {
    return Map.of("statusCode", 200, "body", "hello " + context.getFunctionName() + " " + event.get("version"));
  }

  public static String shout(String ignored) {
    return "LOUD";
  }

  public void twice(String a) {}

  public void twice(Integer b) {}

  public Map<String, Object> broken(Map<String, Object> event) {
    throw new IllegalStateException("handler failure");
  }
}
