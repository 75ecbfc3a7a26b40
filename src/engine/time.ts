/** Unit conversions for simulated time, which is kept in integer milliseconds. Not model numbers. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Hours in a day: for parameters given in days that count in hourly slots. */
export const HOURS_PER_DAY = DAY / HOUR;
