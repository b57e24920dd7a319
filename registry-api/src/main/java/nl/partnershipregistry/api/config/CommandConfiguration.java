package nl.partnershipregistry.api.config;

import java.time.Clock;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.CommandSender;
import nl.partnershipregistry.api.command.StoredCommitsInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Commands from the web and from imports: reading, sending, and their commit numbers. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

  /** The registry's clock: when a fact is recorded, and what "today" is in queries. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  CommandReader commandReader() {
    return new CommandReader();
  }

  @Bean
  CommandSender commandSender(CommandGateway gateway) {
    return new CommandSender(gateway);
  }

  /** Every command's result carries the commit numbers its events were stored under. */
  @Bean
  SmartInitializingSingleton storedCommitsInterceptorRegistration(CommandBus commandBus) {
    return () -> commandBus.registerHandlerInterceptor(new StoredCommitsInterceptor());
  }
}
