package nl.partnershipregistry.api.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A user who holds the most live streams allowed asks for one more: 429, with a {@code Retry-After}
 * header.
 */
public class TooManyStreams extends ResponseStatusException {

  private final Duration retryAfter;

  public TooManyStreams(String user, int most, Duration retryAfter) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        "User "
            + user
            + " already has "
            + most
            + " event streams open, the most allowed at once; close one, or try again later.");
    this.retryAfter = retryAfter;
  }

  @Override
  public HttpHeaders getHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
    return headers;
  }
}
