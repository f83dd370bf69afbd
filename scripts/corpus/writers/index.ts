/** Every format the corpus is written in, in the order calls rotate through them. */
import type { Writer } from './common.js';
import { assemblyaiWriter } from './assemblyai.js';
import { awsCallAnalyticsWriter } from './aws-call-analytics.js';
import { awsTranscribeWriter } from './aws-transcribe.js';
import { deepgramWriter } from './deepgram.js';
import { genesysWriter } from './genesys.js';
import { hushWriter } from './hush.js';
import { srtWriter } from './srt.js';
import { symblWriter } from './symbl.js';
import { webvttWriter } from './webvtt.js';
import { whisperCppWriter } from './whisper-cpp.js';
import { whisperWriter } from './whisper.js';
import { whisperxWriter } from './whisperx.js';

export type { CallRecording, Writer } from './common.js';

export const WRITERS: readonly Writer[] = [
  hushWriter,
  awsTranscribeWriter,
  awsCallAnalyticsWriter,
  deepgramWriter,
  assemblyaiWriter,
  whisperWriter,
  whisperCppWriter,
  whisperxWriter,
  genesysWriter,
  symblWriter,
  webvttWriter,
  srtWriter,
];
