package nl.partnershipregistry.projections.query.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import nl.partnershipregistry.core.partnership.Existence;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import org.junit.jupiter.api.Test;

class OwnTextsTest {

  private final OwnTexts texts =
      texts("delta hub\ntwente", "twente\ntwente", "", "hub delta\nrotterdam");

  @Test
  void finds_a_word_in_each_summary_that_holds_it_once_however_often_it_holds_it() {
    assertThat(indexes(texts.word("twente").holding())).containsExactly(0, 1);
    assertThat(indexes(texts.word("delta").holding())).containsExactly(0, 3);
    assertThat(indexes(texts.word("dam").holding())).containsExactly(3);
    assertThat(indexes(texts.word("nobody").holding())).isEmpty();
  }

  @Test
  void never_finds_a_word_across_two_parts_or_two_summaries() {
    // "twente" ends summary 0 and "twente" starts summary 1; "hub" ends a part and "twente" starts
    // one.
    assertThat(indexes(texts.word("tetwen").holding())).isEmpty();
    assertThat(indexes(texts.word("hubtwente").holding())).isEmpty();
    assertThat(indexes(texts.word("entehub").holding())).isEmpty();
  }

  @Test
  void finds_the_same_summaries_again_after_more_words_than_it_keeps() {
    assertThat(indexes(texts.word("delta").holding())).containsExactly(0, 3);
    for (int i = 0; i < OwnTexts.WORDS_KEPT + 10; i++) {
      assertThat(indexes(texts.word("word" + i).holding())).isEmpty();
      assertThat(indexes(texts.word("delta").holding())).containsExactly(0, 3);
    }
    assertThat(indexes(texts.word("hub").holding())).containsExactly(0, 3);
  }

  @Test
  void no_summaries_hold_nothing() {
    assertThat(indexes(texts().word("twente").holding())).isEmpty();
  }

  private static OwnTexts texts(String... texts) {
    return OwnTexts.of(
        Stream.of(texts)
            .map(
                text ->
                    new RegistrySearch.OwnParts(
                        text,
                        List.of(),
                        List.of(),
                        List.of(),
                        text,
                        text,
                        null,
                        null,
                        Existence.STARTED,
                        PartnershipKind.TECHNOHUB,
                        null))
            .toList());
  }

  private static List<Integer> indexes(BitSet set) {
    return set.stream().boxed().toList();
  }
}
