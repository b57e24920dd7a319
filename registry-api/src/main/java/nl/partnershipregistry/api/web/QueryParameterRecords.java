package nl.partnershipregistry.api.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.partnershipregistry.api.command.InvalidInput;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Makes the records that hold a question's query parameters ({@link ParameterObject} records such
 * as {@link Moment}, {@link PartnershipSelection} and {@link OrganisationSelection}) from the query
 * string, each component from the parameter of its name.
 *
 * <p>Spring's binding of a record reads the annotations of its constructor's parameters again for
 * every request (the JDK keeps no parsed copy of them, and the documentation's annotations on these
 * are many): about as much processor time as the rest of a simple question. Here each record's
 * constructor and components are read once.
 *
 * <p>The values are read as the binding read them: a text given more than once is its values joined
 * by commas, a number is a whole number with blanks around it ignored and an empty one none. A
 * number that is not one is refused with a 400 naming its parameter.
 */
@Configuration(proxyBeanMethods = false)
public class QueryParameterRecords implements HandlerMethodArgumentResolver, WebFluxConfigurer {

  /** A record's canonical constructor and its components' names and types, in order. */
  private record Shape(Constructor<?> constructor, String[] names, Class<?>[] types) {}

  private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

  @Override
  public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
    configurer.addCustomResolver(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    return type.isRecord() && type.isAnnotationPresent(ParameterObject.class);
  }

  @Override
  public Mono<Object> resolveArgument(
      MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
    return Mono.fromSupplier(
        () -> make(shape(parameter.getParameterType()), exchange.getRequest().getQueryParams()));
  }

  /** The record of the shape with the values of the query's parameters. */
  private static Object make(Shape shape, MultiValueMap<String, String> query) {
    Object[] values = new Object[shape.names().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(shape.names()[i], shape.types()[i], query.get(shape.names()[i]));
    }
    try {
      return shape.constructor().newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Shape shape(Class<?> type) {
    return shapes.computeIfAbsent(type, QueryParameterRecords::read);
  }

  private static Shape read(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    String[] names = new String[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      types[i] = components[i].getType();
      if (types[i] != String.class && types[i] != Integer.class) {
        throw new IllegalStateException(
            type.getSimpleName() + "." + names[i] + ": only texts and whole numbers are read");
      }
    }
    try {
      return new Shape(type.getDeclaredConstructor(types), names, types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object value(String name, Class<?> type, List<String> given) {
    if (given == null || given.isEmpty()) {
      return null;
    }
    String value = given.size() == 1 ? given.get(0) : String.join(",", given);
    if (type == String.class) {
      return value;
    }
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInput(name, "must be a whole number, not '" + value + "'");
    }
  }
}
