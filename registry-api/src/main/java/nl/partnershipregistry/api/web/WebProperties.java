package nl.partnershipregistry.api.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the registry meets slow clients, under {@code registry.web} in {@code application.yml}.
 *
 * @param readTimeout the longest pause allowed while a request's body is arriving
 * @param requestTimeout the longest a request's body may take to arrive in full
 */
@ConfigurationProperties("registry.web")
public record WebProperties(
    @DefaultValue("30s") Duration readTimeout, @DefaultValue("5m") Duration requestTimeout) {}
