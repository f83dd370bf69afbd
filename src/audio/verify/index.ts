export { measureRegionLevels, type FrameReader, type LevelOptions, type RegionLevel } from './levels.js';
export { hashOutside, proveOutsideUnchanged, type OutsideProof } from './outside.js';
export {
  verifyAudio,
  verifyInPlace,
  type Expectation,
  type VerifiedRegion,
  type VerifyAudioOptions,
  type VerifyInPlaceOptions,
} from './verify.js';
