package nl.partnershipregistry.core.partnership.vocabulary;

/**
 * The lifecycle of a partnership, and {@code UNKNOWN} while no source says where in it a
 * partnership is.
 */
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
  DISCONTINUED,
  /**
   * No source says which phase it is in: a registration that names none, until a phase change,
   * discontinuation or revival says otherwise. Never set by a command.
   */
  UNKNOWN
}
