/** The policy's choices about findings: which types, which values are allowed, how sure. */
import type { Finding } from '../detection.js';
import type { Policy } from '../policy.js';
import { PCI_STRICT_RECOGNIZER } from './pci-strict.js';

/** Values compare without case or whitespace. */
function allowKey(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}

/**
 * A predicate keeping the findings the policy wants redacted. PCI-strict findings pass `include`
 * and `minScore`: turning pciStrict on asked for every digit in payment context (`exclude` still
 * applies).
 */
export function policyFilter(policy: Policy): (finding: Finding) => boolean {
  const include = policy.include === 'all' ? undefined : new Set(policy.include);
  const exclude = new Set(policy.exclude);
  const allowed = new Set(policy.allow.map(allowKey));
  return (finding) =>
    (include === undefined || include.has(finding.type) || finding.recognizer === PCI_STRICT_RECOGNIZER) &&
    !exclude.has(finding.type) &&
    !allowed.has(allowKey(finding.value)) &&
    !allowed.has(allowKey(finding.view.text.slice(finding.charStart, finding.charEnd))) &&
    (finding.score >= policy.minScore || finding.recognizer === PCI_STRICT_RECOGNIZER);
}
