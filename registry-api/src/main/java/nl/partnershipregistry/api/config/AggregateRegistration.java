package nl.partnershipregistry.api.config;

import nl.partnershipregistry.core.organisation.Organisation;
import nl.partnershipregistry.core.partnership.Partnership;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The domain's aggregates, registered by class: {@code registry-core} carries no Spring annotations
 * (no {@code @Aggregate}), so Axon's Spring scan would not find them.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateRegistration {

  /**
   * Aggregates stay in memory between commands, so that a command costs one append rather than a
   * read of the aggregate's events first. A stale entry (another instance changed the aggregate)
   * makes the append conflict on the aggregate's sequence; the command fails with a concurrency
   * error and the entry is dropped.
   */
  @Bean
  Cache aggregateCache() {
    return new WeakReferenceCache();
  }

  @Bean
  ConfigurerModule aggregates(Cache aggregateCache) {
    return configurer ->
        configurer
            .configureAggregate(
                AggregateConfigurer.defaultConfiguration(Partnership.class)
                    .configureCache(c -> aggregateCache))
            .configureAggregate(
                AggregateConfigurer.defaultConfiguration(Organisation.class)
                    .configureCache(c -> aggregateCache));
  }
}
