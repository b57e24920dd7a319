package nl.partnershipregistry.projections.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.organisation.OrganisationFact;
import nl.partnershipregistry.core.partnership.event.PartnershipEvent;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTextTest {

  private final ObjectMapper json = ReadModelFixture.mapper();

  @Test
  void every_event_is_filed_under_the_partnership_and_instant_it_holds() throws Exception {
    Story story = new Story("stbk");
    story.recordedOn("2021-03-04T05:06:07Z");
    story.registered("2001", "STBK", PartnershipKind.DUAL_TRAJECTORY);
    story.joined("2001", "hitecs", PartnerRole.CORE);
    story.recordedOn("2022-12-31T23:59:59.123Z");
    var phase = story.phase("2003", Phase.STRUCTURAL);
    story.cohort("2004", "2004", 12);
    story.graduated("2006", "2004", 9);
    story.left("2007", "hitecs");
    story.recordedOn("2024-06-01T00:00:00.5Z");
    story.corrected(new Story("stbk").phase("2004", Phase.STRUCTURAL), "the year was 2004");
    story.retracted(phase, "no source");

    List<PartnershipEvent> events = story.events();
    assertThat(events).hasSizeGreaterThan(7);
    for (PartnershipEvent event : events) {
      assertThat(EventText.filing(json.writeValueAsString(event), "partnershipId"))
          .as(event.getClass().getSimpleName())
          .contains(new EventText.Filing("stbk", event.recorded().at()));
    }
  }

  @Test
  void an_organisation_fact_is_filed_under_its_organisation() throws Exception {
    List<OrganisationFact> facts = new ArrayList<>();
    facts.add(Story.employer("acme", "Acme"));
    for (OrganisationFact fact : facts) {
      assertThat(EventText.filing(json.writeValueAsString(fact), "organisationId"))
          .contains(new EventText.Filing("acme", fact.recorded().at()));
    }
  }

  @Test
  void only_the_top_level_fields_count() {
    String nested =
        "{\"source\":{\"partnershipId\":\"other\",\"recorded\":{\"at\":\"2000-01-01T00:00:00Z\"}},"
            + "\"partnershipId\":\"stbk\",\"recorded\":{\"by\":\"x\",\"at\":\"2020-01-01T10:00:00Z\"}}";

    assertThat(EventText.filing(nested, "partnershipId"))
        .contains(new EventText.Filing("stbk", java.time.Instant.parse("2020-01-01T10:00:00Z")));
  }

  @Test
  void the_scan_of_the_characters_finds_what_the_parser_finds_or_leaves_the_text_to_it()
      throws Exception {
    Story story = new Story("stbk");
    story.recordedOn("2021-03-04T05:06:07.120Z");
    story.registered(
        "2001", "STBK \"quoted\" {braces} [brackets] \\ back", PartnershipKind.DUAL_TRAJECTORY);
    story.joined("2001", "hitecs", PartnerRole.CORE);
    var phase = story.phase("2003", Phase.STRUCTURAL);
    story.cohort("2004", "2004", 12);
    story.recordedOn("2024-06-01T00:00:00.5Z");
    story.corrected(new Story("stbk").phase("2004", Phase.STRUCTURAL), "the year was 2004");
    story.retracted(phase, "no source");
    for (PartnershipEvent event : story.events()) {
      String text = json.writeValueAsString(event);
      assertThat(EventText.Scan.filing(text, "partnershipId"))
          .as(text)
          .isEqualTo(EventText.parsed(text, "partnershipId").orElseThrow());
    }

    String escapedId =
        "{\"partnershipId\":\"st\\u0062k\",\"recorded\":{\"at\":\"2020-01-01T10:00:00Z\"}}";
    String spaced =
        "{ \"partnershipId\": \"stbk\", \"recorded\": {\"at\": \"2020-01-01T10:00:00Z\"}}";
    String nestedFirst =
        "{\"note\":{\"a\":[1,{\"recorded\":{\"at\":\"1999-01-01T00:00:00Z\"}},\"}{\\\"\"],\"b\":-1.5e3,"
            + "\"c\":null},\"partnershipId\":\"stbk\",\"recorded\":{\"by\":\"x\",\"at\":\"2020-01-01T10:00:00Z\"}}";
    assertThat(EventText.Scan.filing(escapedId, "partnershipId")).isNull();
    assertThat(EventText.Scan.filing(spaced, "partnershipId")).isNull();
    EventText.Filing stbk =
        new EventText.Filing("stbk", java.time.Instant.parse("2020-01-01T10:00:00Z"));
    assertThat(EventText.filing(escapedId, "partnershipId")).contains(stbk);
    assertThat(EventText.filing(spaced, "partnershipId")).contains(stbk);
    assertThat(EventText.Scan.filing(nestedFirst, "partnershipId")).isEqualTo(stbk);
    assertThat(EventText.parsed(nestedFirst, "partnershipId")).contains(stbk);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "\"stbk\"",
        "{\"partnershipId\":\"stbk\"}",
        "{\"recorded\":{\"at\":\"2020-01-01T10:00:00Z\"}}",
        "{\"partnershipId\":7,\"recorded\":{\"at\":\"2020-01-01T10:00:00Z\"}}",
        "{\"partnershipId\":\"stbk\",\"recorded\":{\"at\":\"yesterday\"}}",
        "{\"partnershipId\":\"stbk\",\"recorded\":\"2020-01-01T10:00:00Z\"}",
        "{\"partnershipId\":\"stbk\",\"recorded\":{\"at\":\"2020-01-01T10:00:00Z\"",
        "{\"partnershipId\":\"stbk\", \"recorded\": {\"at\": 1577872800000}}"
      })
  void a_text_of_another_shape_gives_nothing(String text) {
    assertThat(EventText.filing(text, "partnershipId")).isEmpty();
    assertThat(EventText.Scan.filing(text, "partnershipId")).isNull();
  }
}
