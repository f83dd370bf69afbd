/** `hush formats`: the transcript formats Hush reads and writes. */
import { FORMATS } from '../../formats/index.js';

export function formatsCommand(options: { json?: boolean }): number {
  const formats = FORMATS.map((format) => ({ id: format.id, name: format.name }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(formats, null, 2)}\n`);
  } else {
    const width = Math.max(...formats.map((format) => format.id.length));
    process.stdout.write(
      `${formats.map((format) => `${format.id.padEnd(width)}  ${format.name}`).join('\n')}\n`,
    );
  }
  return 0;
}
