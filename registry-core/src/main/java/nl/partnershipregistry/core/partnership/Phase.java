package nl.partnershipregistry.core.partnership;

/** The lifecycle of a partnership. */
public enum Phase {
  /** Registered; preparing or starting. */
  INITIATED,
  /** Running as a pilot or experiment. */
  PILOT,
  /** Running as a structural, embedded programme. */
  STRUCTURAL,
  /** Temporarily halted. */
  SUSPENDED,
  /** Being wound down: no new intake, running obligations finished. */
  WINDING_DOWN,
  /** Ended; only a revival makes it run again. */
  DISCONTINUED
}
