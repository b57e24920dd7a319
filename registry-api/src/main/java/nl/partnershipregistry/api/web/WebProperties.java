package nl.partnershipregistry.api.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the registry meets browsers and slow clients, under {@code registry.web} in {@code
 * application.yml}.
 *
 * @param allowedOrigins origins (such as {@code https://dashboard.example.org}) whose pages may
 *     send requests that change something, besides the registry's own; empty: none
 * @param readTimeout the longest pause allowed while a request's body is arriving
 * @param requestTimeout the longest a request's body may take to arrive in full
 */
@ConfigurationProperties("registry.web")
public record WebProperties(
    @DefaultValue List<String> allowedOrigins,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("5m") Duration requestTimeout) {}
