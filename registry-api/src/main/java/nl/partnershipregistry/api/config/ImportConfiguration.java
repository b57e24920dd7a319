package nl.partnershipregistry.api.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.CommandSender;
import nl.partnershipregistry.api.importing.DemoImportMark;
import nl.partnershipregistry.api.importing.ImportProperties;
import nl.partnershipregistry.api.importing.Importer;
import nl.partnershipregistry.api.importing.StartupImport;
import nl.partnershipregistry.api.operations.ReadModelReadiness;
import nl.partnershipregistry.eventstore.MongoEventStorageEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imports over the web and at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
public class ImportConfiguration {

  @Bean
  Importer importer(
      CommandReader reader, CommandSender sender, Clock clock, ImportProperties properties) {
    return new Importer(reader, sender, clock, properties.maxSize().toBytes());
  }

  @Bean
  StartupImport startupImport(
      Importer importer,
      MongoEventStorageEngine engine,
      MongoDatabase database,
      ReadModelReadiness readiness,
      ImportProperties properties,
      RegistryProperties registry,
      Clock clock) {
    return new StartupImport(
        importer,
        engine,
        new DemoImportMark(database),
        readiness,
        properties,
        !registry.mongodb().isExternal()
            && registry.embedded().mode() == RegistryProperties.Mode.FILE,
        clock);
  }
}
