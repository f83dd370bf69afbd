/**
 * PCI-strict: in payment context every digit run is silenced, whatever it looks like (prices and
 * times included), unless a finding already covers it.
 */
import type { ContextProbe } from '../context/probe.js';
import type { Finding } from '../detection.js';
import type { StreamView } from '../normalise/view.js';

export const PCI_STRICT_RECOGNIZER = 'pci-strict';
const PCI_STRICT_SCORE = 0.7;
/** Digits with anything that may sit between them in a spoken number: spaces, dashes, dots, slashes, colons. */
const ANY_DIGITS = /\d+(?:[ ./:-]\d+)*/g;

export function paymentDigits(
  views: readonly StreamView[],
  context: ContextProbe,
  existing: readonly Finding[],
): Finding[] {
  const added: Finding[] = [];
  for (const view of views) {
    const covering = existing.filter((finding) => finding.view === view);
    for (const match of view.text.matchAll(ANY_DIGITS)) {
      const charStart = match.index;
      const charEnd = charStart + match[0].length;
      if (covering.some((finding) => finding.charStart <= charStart && finding.charEnd >= charEnd)) continue;
      if (!context.inPaymentContext(view, charStart)) continue;
      added.push({
        recognizer: PCI_STRICT_RECOGNIZER,
        type: 'PAYMENT_DIGITS',
        view,
        charStart,
        charEnd,
        score: PCI_STRICT_SCORE,
        value: match[0],
        reasons: ['payment-context', 'pci-strict'],
      });
    }
  }
  return added;
}
