package nl.partnershipregistry.api.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

/**
 * The web server's connections: how long a request's body may take, and every request handled in
 * its own turn of the connection's event loop.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
public class WebServerConfiguration {

  /**
   * A request that arrives on a kept-alive connection before the server has finished with the one
   * before it is queued, and Reactor Netty 1.2 (issue 4361) never reads from that connection again
   * when the queued request is answered at once, within the turn that takes it off the queue: the
   * client waits for an answer that never comes. Starting every handler in a later turn of the same
   * event loop lets the queue be emptied first, so that the connection reads on.
   *
   * <p>The timeouts apply while a request's body arrives; a request without a body, such as the
   * live stream of events, is not cut by them, and a connection waiting for its next request is
   * closed after {@code server.netty.idle-timeout}.
   */
  @Bean
  NettyServerCustomizer connections(WebProperties properties) {
    return server ->
        server
            .readTimeout(properties.readTimeout())
            .requestTimeout(properties.requestTimeout())
            .mapHandle(
                (handler, connection) ->
                    handler.subscribeOn(Schedulers.fromExecutor(connection.channel().eventLoop())));
  }
}
