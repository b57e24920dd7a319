package nl.partnershipregistry.projections.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kaplan-Meier estimate of survival: at each time at which partnerships ended, survival is
 * multiplied by (1 - ended / at risk), where at risk are those that had neither ended nor been
 * censored (were still running when last seen) before that time. A partnership censored at the same
 * time as others ended counts as at risk at that time.
 */
public final class KaplanMeier {

  /** One partnership: how long it was followed, and whether it ended then (or was censored). */
  public record Observation(long days, boolean ended) {}

  /** The estimate after one time at which something happened. */
  public record Step(long days, int atRisk, int ended, int censored, double survival) {}

  /**
   * The estimated curve; {@code medianDays} is the first time survival fell to one half or below,
   * null if it never did.
   */
  public record Estimate(
      int subjects, int ended, int censored, List<Step> steps, Long medianDays) {}

  private KaplanMeier() {}

  public static Estimate estimate(List<Observation> observations) {
    Map<Long, int[]> byTime = new TreeMap<>();
    for (Observation o : observations) {
      int[] counts = byTime.computeIfAbsent(o.days(), d -> new int[2]);
      counts[o.ended() ? 0 : 1]++;
    }
    int atRisk = observations.size();
    double survival = 1.0;
    Long median = null;
    int ended = 0;
    int censored = 0;
    List<Step> steps = new ArrayList<>();
    for (Map.Entry<Long, int[]> entry : byTime.entrySet()) {
      int endedNow = entry.getValue()[0];
      int censoredNow = entry.getValue()[1];
      if (endedNow > 0) {
        survival *= 1.0 - (double) endedNow / atRisk;
      }
      steps.add(new Step(entry.getKey(), atRisk, endedNow, censoredNow, survival));
      if (median == null && endedNow > 0 && survival <= 0.5) {
        median = entry.getKey();
      }
      atRisk -= endedNow + censoredNow;
      ended += endedNow;
      censored += censoredNow;
    }
    return new Estimate(observations.size(), ended, censored, steps, median);
  }
}
