package nl.partnershipregistry.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The entry point of the web API: what the registry is and where to go from here. */
@RestController
public class IndexController {

  private final String version;

  public IndexController(ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    this.version = properties == null ? "development" : properties.getVersion();
  }

  @GetMapping("/api")
  public Map<String, Object> index() {
    Map<String, Object> links = new LinkedHashMap<>();
    links.put("self", "/api");
    links.put("health", "/actuator/health");
    links.put("liveness", "/actuator/health/liveness");
    links.put("readiness", "/actuator/health/readiness");
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("name", "Partnership registry");
    index.put(
        "description",
        "The sourced history of public-private partnerships between Dutch education and"
            + " employers, and whether each was durable.");
    index.put("version", version);
    index.put("links", links);
    return index;
  }
}
