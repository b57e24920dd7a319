package nl.partnershipregistry.api.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import nl.partnershipregistry.api.command.InvalidInput;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * A query parameter the JSON API does not know is refused with a 400 naming it and the ones the
 * address takes, rather than ignored: {@code ?q=water} on the registry would otherwise answer all
 * partnerships, as if the question had been asked. The parameters an address takes are read from
 * its handler method: its {@code @RequestParam}s and the fields of a {@link ParameterObject} (the
 * time parameters of {@link Moment}).
 */
@ControllerAdvice(basePackageClasses = KnownParameters.class)
public class KnownParameters {

  private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

  private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

  @ModelAttribute
  void refuseUnknownParameters(ServerWebExchange exchange) {
    Object handler = exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
    if (!(handler instanceof HandlerMethod method)) {
      return;
    }
    Set<String> names = known.computeIfAbsent(method, KnownParameters::names);
    if (names.contains("*")) {
      return;
    }
    for (String given : exchange.getRequest().getQueryParams().keySet()) {
      if (!names.contains(given)) {
        throw new InvalidInput(
            given,
            names.isEmpty()
                ? "is not a parameter of this address, which takes none"
                : "is not a parameter of this address, which takes " + String.join(", ", names));
      }
    }
  }

  private static Set<String> names(HandlerMethod method) {
    Set<String> names = new TreeSet<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
      Class<?> type = parameter.getParameterType();
      if (param != null) {
        if (Map.class.isAssignableFrom(type)) {
          names.add("*");
        } else {
          parameter.initParameterNameDiscovery(NAMES);
          String name =
              !param.name().isEmpty()
                  ? param.name()
                  : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
          names.add(name);
        }
      } else if (type.isRecord() && type.isAnnotationPresent(ParameterObject.class)) {
        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
      }
    }
    return names;
  }
}
