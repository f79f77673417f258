package dev.portico.routing.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, insertion-ordered map over two arrays: the path parameters of one match. The names array is
 * shared by every match of a route; only the values array is new per request.
 */
public final class ParameterMap extends AbstractMap<String, String> {
  private static final ParameterMap EMPTY = new ParameterMap(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;

  /**
   * Wraps the arrays without copying: callers hand over arrays they never change again.
   *
   * @param names the parameter names, unique
   * @param values the values, same length and order as {@code names}
   */
  public ParameterMap(String[] names, String[] values) {
    if (names.length != values.length) {
      throw new IllegalArgumentException("names and values differ in length");
    }
    this.names = names;
    this.values = values;
  }

  /**
   * Returns an immutable, insertion-ordered copy of a map, or the map itself if it already is one.
   *
   * @param map the map to copy; no null keys or values
   * @return an immutable map with the same entries in the same order
   */
  public static Map<String, String> copyOf(Map<String, String> map) {
    if (map instanceof ParameterMap) {
      return map;
    }
    if (map.isEmpty()) {
      return EMPTY;
    }
    String[] names = new String[map.size()];
    String[] values = new String[names.length];
    int i = 0;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      names[i] = Objects.requireNonNull(entry.getKey(), "path parameter name");
      values[i] = Objects.requireNonNull(entry.getValue(), "path parameter value");
      i++;
    }
    return new ParameterMap(names, values);
  }

  @Override
  public int size() {
    return names.length;
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return names.length;
      }

      @Override
      public Iterator<Map.Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < names.length;
          }

          @Override
          public Map.Entry<String, String> next() {
            if (next >= names.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }
    };
  }
}
