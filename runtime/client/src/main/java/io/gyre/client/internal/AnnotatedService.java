package io.gyre.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gyre.client.CallArguments;
import io.gyre.client.ServiceFunction;
import io.gyre.client.ServiceHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;

/** A {@link ServiceHandler} over an object's {@link ServiceFunction} methods. */
public final class AnnotatedService implements ServiceHandler {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Object target;
  private final Map<String, Method> functions;

  private AnnotatedService(Object target, Map<String, Method> functions) {
    this.target = target;
    this.functions = Map.copyOf(functions);
  }

  /**
   * @throws IllegalArgumentException when the object has no public {@code @ServiceFunction} method
   *     or two share a name
   */
  public static AnnotatedService of(Object target) {
    Map<String, Method> functions = new HashMap<>();
    for (Method method : target.getClass().getMethods()) {
      ServiceFunction annotation = method.getAnnotation(ServiceFunction.class);
      if (annotation == null || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      String name = annotation.value().isEmpty() ? method.getName() : annotation.value();
      if (functions.put(name, method) != null) {
        throw new IllegalArgumentException(
            target.getClass().getName() + " has two service functions named '" + name + "'");
      }
    }
    if (functions.isEmpty()) {
      throw new IllegalArgumentException(
          target.getClass().getName() + " has no public @ServiceFunction method");
    }
    return new AnnotatedService(target, functions);
  }

  @Override
  public Object call(String function, CallArguments arguments) throws Exception {
    Method method = functions.get(function);
    if (method == null) {
      throw new IllegalArgumentException(
          "no function '" + function + "'; the service has " + functions.keySet());
    }
    Type[] types = method.getGenericParameterTypes();
    boolean wantsCall = types.length > 0 && types[types.length - 1] == CallArguments.class;
    int fromJson = wantsCall ? types.length - 1 : types.length;
    if (arguments.size() != fromJson) {
      throw new IllegalArgumentException(
          function + " takes " + fromJson + " arguments, the call gave " + arguments.size());
    }
    Object[] values = new Object[types.length];
    for (int i = 0; i < fromJson; i++) {
      values[i] = MAPPER.convertValue(arguments.json().get(i), MAPPER.constructType(types[i]));
    }
    if (wantsCall) {
      values[fromJson] = arguments;
    }
    try {
      return method.invoke(target, values);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
