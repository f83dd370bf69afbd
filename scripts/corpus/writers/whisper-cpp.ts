/** whisper.cpp `-oj` output: mono segments with clock strings and millisecond offsets, no words. */
import type { Writer } from './common.js';
import { clock, cues, json, text } from './common.js';

export const whisperCppWriter: Writer = {
  id: 'whisper-cpp',
  suffix: '.whisper-cpp.json',
  channels: false,
  write(call) {
    return json(
      {
        systeminfo: 'AVX = 1 | AVX2 = 1 | FMA = 1 | NEON = 0 | ARM_FMA = 0 | F16C = 1 | BLAS = 0',
        model: {
          type: 'base',
          multilingual: false,
          vocab: 51864,
          audio: { ctx: 1500, state: 512, head: 8, layer: 6 },
        },
        params: { model: 'models/ggml-base.en.bin', language: 'en', translate: false },
        result: { language: 'en' },
        transcription: cues(call, true).map((cue) => ({
          timestamps: { from: clock(cue.start, ','), to: clock(cue.end, ',') },
          offsets: { from: cue.start, to: cue.end },
          text: ` ${text(call, cue.words)}`,
        })),
      },
      true,
    );
  },
};
