package nl.partnershipregistry.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class ServerSentEventsTest {

  @Test
  void an_event_is_its_id_name_and_each_line_of_its_data_then_an_empty_line() {
    byte[] frame = ServerSentEvents.event("412", "changed", "{\"name\":\"Zeeuwse École\"}\nnext");

    assertThat(new String(frame, StandardCharsets.UTF_8))
        .isEqualTo("id:412\nevent:changed\ndata:{\"name\":\"Zeeuwse École\"}\ndata:next\n\n");
  }

  @Test
  void a_stream_is_the_opening_then_every_frame_of_every_window_in_order_as_an_event_stream() {
    MockServerHttpResponse response = new MockServerHttpResponse();
    Flux<byte[]> frames =
        Flux.range(1, 300)
            .map(i -> ServerSentEvents.event(Integer.toString(i), "e", "d" + i))
            .buffer(7)
            .map(ServerSentEvents::join);

    StepVerifier.create(
            ServerSentEvents.write(
                response, ServerSentEvents.retry(Duration.ofSeconds(5)), () -> frames))
        .verifyComplete();

    assertThat(response.getHeaders().getContentType()).hasToString("text/event-stream");
    String body = response.getBodyAsString().block();
    assertThat(body).startsWith("retry:5000\n\nid:1\nevent:e\ndata:d1\n\n");
    assertThat(body).endsWith("id:300\nevent:e\ndata:d300\n\n");
    assertThat(body.split("\n\n")).hasSize(301);
  }
}
