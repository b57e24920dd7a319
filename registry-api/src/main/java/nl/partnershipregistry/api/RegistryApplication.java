package nl.partnershipregistry.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoReactiveAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The partnership registry: its web edge, its event store and its projections in one process. */
@SpringBootApplication(
    exclude = {MongoAutoConfiguration.class, MongoReactiveAutoConfiguration.class})
@ConfigurationPropertiesScan
public class RegistryApplication {

  public static void main(String[] args) {
    withoutUpdateCheck();
    SpringApplication.run(RegistryApplication.class, args);
  }

  /**
   * Axon Framework asks an outside server for updates at start-up unless told not to; the registry
   * contacts no outside host. An explicit setting of the property still wins.
   */
  public static void withoutUpdateCheck() {
    if (System.getProperty("axoniq.update-checker.disabled") == null) {
      System.setProperty("axoniq.update-checker.disabled", "true");
    }
  }
}
