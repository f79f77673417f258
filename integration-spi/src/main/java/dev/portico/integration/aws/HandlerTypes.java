package dev.portico.integration.aws;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Finds the type arguments a class gives a generic interface, through superclasses and superinterfaces. */
final class HandlerTypes {
  private HandlerTypes() {}

  /**
   * The actual type arguments of {@code target} as seen from {@code start}; a type variable that stays unbound is
   * {@code Object}.
   *
   * @throws IllegalArgumentException when start does not implement target
   */
  static Type[] typeArguments(Class<?> start, Class<?> target) {
    Type[] found = find(start, target, Map.of());
    if (found == null) {
      throw new IllegalArgumentException(start.getName() + " does not implement " + target.getName());
    }
    return found;
  }

  private static Type @Nullable [] find(Type type, Class<?> target, Map<TypeVariable<?>, Type> outer) {
    Class<?> raw;
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    if (type instanceof ParameterizedType parameterized) {
      raw = (Class<?>) parameterized.getRawType();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] arguments = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        bindings.put(variables[i], substitute(arguments[i], outer));
      }
    } else if (type instanceof Class<?> plain) {
      raw = plain;
    } else {
      return null;
    }
    if (raw == target) {
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] out = new Type[variables.length];
      for (int i = 0; i < variables.length; i++) {
        out[i] = bindings.getOrDefault(variables[i], Object.class);
      }
      return out;
    }
    for (Type parent : raw.getGenericInterfaces()) {
      Type[] found = find(parent, target, bindings);
      if (found != null) {
        return found;
      }
    }
    Type parent = raw.getGenericSuperclass();
    return parent == null ? null : find(parent, target, bindings);
  }

  private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, Object.class);
    }
    return type;
  }
}
