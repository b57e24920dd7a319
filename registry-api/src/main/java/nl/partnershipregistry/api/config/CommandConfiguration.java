package nl.partnershipregistry.api.config;

import java.time.Clock;
import nl.partnershipregistry.api.command.CommandReader;
import nl.partnershipregistry.api.command.CommandSender;
import nl.partnershipregistry.api.command.StoredCommitsInterceptor;
import nl.partnershipregistry.core.partnership.FactCommandRouting;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Commands from the web and from imports: reading, sending, and their commit numbers. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

  /** The registry's clock: when a fact is recorded, and what "today" is in queries. */
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Commands of at most the size of a request body the web reads whole, so that a command too large
   * is refused with 413 whether the web or the reader finds it (and an import line as well).
   */
  @Bean
  CommandReader commandReader(
      @Value("${spring.codec.max-in-memory-size:${spring.http.codecs.max-in-memory-size:1MB}}")
          DataSize maxBody) {
    return new CommandReader(Math.toIntExact(maxBody.toBytes()));
  }

  @Bean
  CommandSender commandSender(CommandGateway gateway) {
    return new CommandSender(gateway);
  }

  /**
   * Every command's result carries the commit numbers its events were stored under; every command
   * that records a fact about a partnership reaches the aggregate's one handler for them.
   */
  @Bean
  SmartInitializingSingleton commandBusInterceptorRegistration(CommandBus commandBus) {
    return () -> {
      commandBus.registerDispatchInterceptor(new FactCommandRouting());
      commandBus.registerHandlerInterceptor(new StoredCommitsInterceptor());
    };
  }
}
