/** Units a duration is written in, largest first. */
const UNITS = [
  { unit: "day", seconds: 86_400 },
  { unit: "hour", seconds: 3_600 },
  { unit: "minute", seconds: 60 },
  { unit: "second", seconds: 1 },
] as const

/**
 * A duration in the viewer's language, in the largest unit that holds it
 * whole: 900 -> "15 minutes", 86400 -> "1 day", 1000 -> "1,000 seconds".
 *
 * @example
 * formatDuration(3600, "de") // "1 Stunde"
 */
export const formatDuration = (seconds: number, locale: string): string => {
  const { unit, seconds: size } =
    UNITS.find((candidate) => seconds >= candidate.seconds && seconds % candidate.seconds === 0) ??
    UNITS[UNITS.length - 1]
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(seconds / size)
}

/** Lock durations in turn: "15 minutes → 30 minutes → 1 hour". */
export const formatDurationSteps = (seconds: number[], locale: string): string =>
  seconds.map((value) => formatDuration(value, locale)).join(" → ")
