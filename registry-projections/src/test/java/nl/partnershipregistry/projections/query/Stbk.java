package nl.partnershipregistry.projections.query;

import static nl.partnershipregistry.projections.testing.Story.employer;
import static nl.partnershipregistry.projections.testing.Story.inGroup;
import static nl.partnershipregistry.projections.testing.Story.school;

import java.util.ArrayList;
import java.util.List;
import nl.partnershipregistry.core.common.Unit;
import nl.partnershipregistry.core.organisation.SchoolLevel;
import nl.partnershipregistry.core.partnership.vocabulary.CommitmentType;
import nl.partnershipregistry.core.partnership.vocabulary.DiscontinuationReason;
import nl.partnershipregistry.core.partnership.vocabulary.FundingType;
import nl.partnershipregistry.core.partnership.vocabulary.KeyPersonRole;
import nl.partnershipregistry.core.partnership.vocabulary.LearningForm;
import nl.partnershipregistry.core.partnership.vocabulary.LedFrom;
import nl.partnershipregistry.core.partnership.vocabulary.PartnerRole;
import nl.partnershipregistry.core.partnership.vocabulary.PartnershipKind;
import nl.partnershipregistry.core.partnership.vocabulary.Phase;
import nl.partnershipregistry.projections.testing.Story;

/**
 * The STBK trajectory in outline (HiTecs, a Stork company, with Hogeschool van Amsterdam,
 * 2001-2008), as the tests use it: all recorded on 1 January 2020.
 */
final class Stbk {

  final Story story = new Story("stbk");
  final List<Object> organisations =
      List.of(
          employer("stork", "Stork"),
          employer("hitecs", "HiTecs"),
          inGroup("hitecs", "stork", "1995"),
          school("hva", "Hogeschool van Amsterdam", SchoolLevel.HBO));

  Stbk() {
    story.registered("2001", "STBK", PartnershipKind.DUAL_TRAJECTORY);
    story.joined("2001", "hva", PartnerRole.LEAD);
    story.joined("2001", "hitecs", PartnerRole.CORE);
    story.keyPerson("2001", "pioneer", KeyPersonRole.PIONEER, "hitecs", false);
    story.activity(
        "2001-09", "stbk-programme", LedFrom.INSIDE_EDUCATION, LearningForm.FORMAL, true);
    story.funding("2001", "ocw-pilot", FundingType.SUBSIDY, 400_000, "2001", "2004");
    story.phase("2003", Phase.STRUCTURAL);
    story.commitment(
        "2003",
        "study-time",
        "hitecs",
        CommitmentType.STUDY_TIME,
        2000,
        Unit.HOURS,
        "2003",
        "2005");
    story.discontinued("2008", DiscontinuationReason.ECONOMIC_DOWNTURN);
  }

  /** Organisations first, then the partnership, as they would stand in the event stream. */
  List<Object> all() {
    List<Object> all = new ArrayList<>(organisations);
    all.addAll(story.events());
    return all;
  }
}
