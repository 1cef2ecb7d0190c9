// Field limits, read by the form (maxLength, counters) and enforced by the API.
export const LIMITS = {
  whatHappenedMin: 10,
  whatHappenedMax: 5000,
  storyFieldMax: 3000,
  unitMax: 200,
  careSettingsMax: 5,
  topicsMax: 8,
  campaignMax: 64,
  nameMax: 120,
  emailMax: 254,
  phoneMax: 40,
  accessNeedsMax: 500,
  consentVersionMax: 32,
  bodyBytesMax: 64 * 1024,
} as const;
