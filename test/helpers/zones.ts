import { Settings } from "luxon";

/** Zones a machine might be in: New York is behind London, Tokyo and Kiritimati (UTC+14) ahead of it. */
export const MACHINE_ZONES = ["system", "UTC", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati"] as const;

/**
 * Run `check` as if the machine were in each of MACHINE_ZONES (luxon's default
 * zone is what "the machine's zone" means to it), so that a conversion that
 * used the machine's zone gives another date at some instant. For the process's
 * own zone, run the file under TZ=UTC and TZ=America/New_York as well.
 */
export function inEveryMachineZone(check: () => void): void {
  const before = Settings.defaultZone;
  try {
    for (const zone of MACHINE_ZONES) {
      Settings.defaultZone = zone;
      check();
    }
  } finally {
    Settings.defaultZone = before;
  }
}
