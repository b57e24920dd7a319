package nl.partnershipregistry.api.pages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.i18n.LocaleContextResolver;

/** The pages' language resolution, replacing WebFlux's Accept-Language-only default. */
@Configuration(proxyBeanMethods = false)
public class PageConfiguration {

  @Bean(name = "localeContextResolver")
  LocaleContextResolver localeContextResolver() {
    return new Languages();
  }
}
