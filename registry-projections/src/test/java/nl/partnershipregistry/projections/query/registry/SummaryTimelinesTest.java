package nl.partnershipregistry.projections.query.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipId;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.analysis.SummaryAsOf;
import nl.partnershipregistry.projections.testing.ReadModelFixture;
import nl.partnershipregistry.projections.testing.Story;
import nl.partnershipregistry.projections.time.TimeSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The summaries the questions across partnerships read, after writes and asked together. */
class SummaryTimelinesTest {

  private static final int QUESTIONS = 8;

  private final ReadModelFixture readModels = ReadModelFixture.embedded();

  @AfterEach
  void close() {
    readModels.close();
  }

  @Test
  void questions_asked_together_after_a_write_share_one_snapshot_holding_the_write()
      throws Exception {
    List<Story> stories = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Story story = new Story("hub-" + i);
      story.registered("2015", "Technohub " + i, PartnershipKind.TECHNOHUB);
      readModels.feed(story.events().toArray());
      stories.add(story);
    }
    SummaryTimelines timelines = new SummaryTimelines(readModels.sharedReadModels());
    TimeSlice slice = TimeSlice.of(null, null, Clock.fixed(ReadModelFixture.NOW, ZoneOffset.UTC));
    assertThat(timelines.summaries(slice)).hasSize(40);

    Story written = stories.get(7);
    readModels.feed(written.phase("2018", Phase.STRUCTURAL));

    CyclicBarrier together = new CyclicBarrier(QUESTIONS);
    ExecutorService threads = Executors.newFixedThreadPool(QUESTIONS);
    List<Future<SummaryTimelines.Summaries>> asked = new ArrayList<>();
    try {
      for (int q = 0; q < QUESTIONS; q++) {
        asked.add(
            threads.submit(
                () -> {
                  together.await();
                  return timelines.summariesWithContent(slice);
                }));
      }
      List<SummaryTimelines.Summaries> answers = new ArrayList<>();
      for (Future<SummaryTimelines.Summaries> answer : asked) {
        answers.add(answer.get());
      }

      // One snapshot made for all of them, not one each.
      assertThat(answers).allSatisfy(a -> assertThat(a.all()).isSameAs(answers.get(0).all()));
      assertThat(answers.get(0).all())
          .filteredOn(s -> s.partnershipId().equals(written.id()))
          .singleElement()
          .extracting(SummaryAsOf::phase)
          .isEqualTo(Phase.STRUCTURAL);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void a_snapshot_made_from_the_partnerships_written_since_the_last_equals_one_made_whole() {
    Random random = new Random(65);
    List<Story> stories = new ArrayList<>();
    Instant at = Instant.parse("2026-05-01T08:00:00Z");
    for (int i = 0; i < 30; i++) {
      Story story = new Story("hub-" + i).recordedOn(at);
      readModels.feed(story.registered("2015", "Technohub " + i, PartnershipKind.TECHNOHUB));
      stories.add(story);
    }
    SummaryTimelines followed = new SummaryTimelines(readModels.sharedReadModels());
    List<Phase> phases = List.of(Phase.INITIATED, Phase.PILOT, Phase.STRUCTURAL);
    LocalDate asOf = LocalDate.parse("2026-01-01");
    int asked = 0;
    for (int step = 0; step < 300; step++) {
      at = at.plusSeconds(random.nextInt(4));
      if (random.nextInt(3) == 0) {
        // Written: a phase of a partnership known, now and then a new partnership.
        if (random.nextInt(10) == 0) {
          Story story = new Story("new-" + step).recordedOn(at);
          readModels.feed(story.registered("2016", "New hub " + step, PartnershipKind.TECHNOHUB));
          stories.add(story);
        } else {
          Story story = stories.get(random.nextInt(stories.size())).recordedOn(at);
          readModels.feed(
              story.phase(
                  String.valueOf(2016 + random.nextInt(9)),
                  phases.get(random.nextInt(phases.size()))));
        }
        continue;
      }
      // Asked as known now, or somewhat before: after the last writes or between them.
      Instant asKnownOn = at.minusSeconds(random.nextInt(8) == 0 ? random.nextInt(30) : 0);
      TimeSlice slice = new TimeSlice(asOf, asKnownOn);
      List<SummaryAsOf> whole =
          new SummaryTimelines(readModels.sharedReadModels()).summaries(slice);
      SummaryTimelines.Summaries summaries = followed.summariesWithContent(slice);
      assertThat(byId(summaries.all())).isEqualTo(byId(whole));
      // Each summary's own parts, as the list reads them, are those of the summary in its place.
      for (int i = 0; i < summaries.all().size(); i++) {
        SummaryAsOf summary = summaries.all().get(i);
        RegistrySearch.OwnParts own = summaries.ownTexts().parts(i);
        assertThat(own.text()).isEqualTo(RegistrySearch.ownText(summary));
        assertThat(own.phase()).isEqualTo(summary.phase());
        assertThat(summaries.ownTexts().columns().phase()[i])
            .isEqualTo((byte) (summary.phase() == null ? -1 : summary.phase().ordinal()));
      }
      asked++;
    }
    assertThat(asked).isGreaterThan(150);
    // Most of them were made from the partnerships written alone, not by visiting every one.
    assertThat(followed.madeWhole()).isLessThan(asked / 4);
  }

  private static Map<PartnershipId, SummaryAsOf> byId(List<SummaryAsOf> summaries) {
    Map<PartnershipId, SummaryAsOf> byId =
        new TreeMap<>(Comparator.comparing(PartnershipId::value));
    summaries.forEach(s -> assertThat(byId.put(s.partnershipId(), s)).isNull());
    return byId;
  }
}
