/** Error responses for the OpenAPI document: every one has the same body. */
import { errorBody } from '../errors.js';

const MEANING: Record<number, string> = {
  400: 'The request is not valid; the message names the field',
  401: 'No API key, or a key that is not valid',
  403: 'The API key lacks the scope this route needs',
  404: 'Not found (or not visible to this key)',
  409: 'The job is not in a state that allows this',
  413: 'A body or an uploaded file is over its size limit',
  415: 'The content type is not one this route takes',
  422: 'The redacted copy failed verification',
  429: 'Rate limit or daily quota exceeded; see Retry-After',
  501: "No connector is configured to fetch this platform's data",
  503: 'Not ready',
};

export function errorResponses<const Codes extends number[]>(...codes: Codes) {
  return Object.fromEntries(codes.map((code) => [code, errorBody.describe(MEANING[code] ?? 'Error')])) as {
    [Code in Codes[number]]: typeof errorBody;
  };
}
