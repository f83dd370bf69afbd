/**
 * V8 settings for regular expressions, made as the `hush` process starts (main.ts imports this
 * module first). V8 normally runs a regular expression's first match in its interpreter, after
 * compiling it to bytecode, and compiles it again to machine code on the next one ("tier-up").
 * Detection runs each of its expressions many times, several of them long cue alternations, so a
 * fresh process compiled most of them twice: turning tier-up off compiles each once, to machine
 * code, which took a tenth off the main thread's work in a cold `hush detect` (docs: DEVELOPERS.md,
 * "Speed"). The setting is read when an expression is compiled, so it can be made from inside the
 * running process, with no relaunch; it applies to the process's worker threads too.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
