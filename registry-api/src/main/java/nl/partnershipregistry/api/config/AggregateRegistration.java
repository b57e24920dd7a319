package nl.partnershipregistry.api.config;

import nl.partnershipregistry.core.organisation.Organisation;
import nl.partnershipregistry.core.partnership.Partnership;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
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
   * read of the aggregate's events first. On the embedded server this process is the only writer,
   * so the cache holds up to {@code registry.aggregates.cache-size} aggregates, chosen by Caffeine
   * by how recently and how often each was used ({@link CaffeineCacheAdapter}; 0 keeps none). On an
   * external MongoDB other instances may write the same aggregates: there an aggregate stays only
   * while the garbage collector leaves it (Axon's {@link WeakReferenceCache}), since an entry
   * another instance made stale makes the next command on it fail with a concurrency error (after
   * which the entry is dropped and the command can be sent again).
   */
  @Bean
  Cache aggregateCache(RegistryProperties properties) {
    if (properties.mongodb().isExternal()) {
      return new WeakReferenceCache();
    }
    int size = properties.aggregates().cacheSize();
    return size == 0 ? NoCache.INSTANCE : new CaffeineCacheAdapter(size);
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
