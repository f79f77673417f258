package dev.portico.payload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, immutable copies of JSON-shaped Java values, checked at construction. */
final class JsonValues {
  private JsonValues() {}

  /**
   * Copies a map whose values are JSON values: {@code null}, {@link String}, {@link Boolean}, {@link Number}
   * (integral types, {@link Float}/{@link Double} when finite, {@link BigInteger}, {@link BigDecimal}),
   * {@link List} and {@link Map} with string keys, nested to any depth.
   */
  static Map<String, Object> copyObject(Map<String, ?> map, String path) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      String key = entry.getKey();
      if (key == null) {
        throw new IllegalArgumentException(path + " has a null key");
      }
      copy.put(key, copyValue(entry.getValue(), path + "." + key));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String path) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
        || value instanceof BigInteger || value instanceof Long || value instanceof Integer
        || value instanceof Short || value instanceof Byte) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      if (!Double.isFinite(((Number) value).doubleValue())) {
        throw new IllegalArgumentException(path + " is " + value + ", which JSON cannot represent");
      }
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copyValue(list.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(path + " has a key that is not a string: " + entry.getKey());
        }
        copy.put(key, copyValue(entry.getValue(), path + "." + key));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
        + "; JSON values are null, String, Boolean, Number, List and Map");
  }
}
