/**
 * A URL a job names (recording, transcript, replacement clip), fetched through the SSRF guard.
 * The guard's errors name the host and the reason, never the path or query; a refusal by policy
 * or a limit is permanent, a network failure, timeout or error status transient.
 */
import { safeDownload, type UrlPolicy } from '../../net/safe-fetch.js';
import { AttemptError, attemptFailure } from './failure.js';

/** Downloads `url` into `file`; `role` names the input in the failure (`recording: host: …`). */
export async function downloadUrl(url: string, file: string, role: string, policy: UrlPolicy): Promise<void> {
  try {
    await safeDownload(url, file, policy);
  } catch (error) {
    const failure = attemptFailure(error);
    throw new AttemptError(`${role}: ${failure.reason}`, failure.permanent);
  }
}
