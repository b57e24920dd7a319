package nl.partnershipregistry.projections.query.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
}
