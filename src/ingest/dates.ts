/** Dates as pages write them ("6 December 2023", "Dec 6, 2023", "2023-12-06T09:00Z") → ISO. */
import * as chrono from "chrono-node";

export interface FoundDate {
  /** `YYYY-MM-DD` */
  readonly iso: string;
  /** The words of the text that name the date. */
  readonly matched: string;
}

/** The first complete date (day, month and year all stated) in `text`. */
export function findDate(text: string): FoundDate | undefined {
  for (const result of chrono.parse(text)) {
    const { start } = result;
    if (!start.isCertain("year") || !start.isCertain("month") || !start.isCertain("day")) continue;
    const [year, month, day] = [start.get("year"), start.get("month"), start.get("day")];
    if (year === null || month === null || day === null) continue;
    return { iso: `${year}-${pad(month)}-${pad(day)}`, matched: result.text };
  }
  return undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
