/** Street-address vocabulary: what ends a street name, what names a unit, and US states. */
import { wordSet } from './words.js';

/** Words (and their written abbreviations) that end a street name: "12 Main Street". */
export const STREET_SUFFIXES = wordSet(`
  street st road rd avenue ave av lane ln drive dr court ct boulevard blvd way place pl terrace
  close crescent cres parkway pkwy highway hwy circle cir square sq trail trl grove gardens gdns
  mews row walk alley plaza loop pike path expressway freeway turnpike causeway broadway wynd
  parade esplanade embankment quay wharf rise view hollow crossing point heights estate green
  knoll vale run ridge glen bend cove creek meadow meadows commons crest park
`);

/**
 * Words that open a street's name in languages that put the street word first, as callers say
 * addresses abroad: "rua ...", "calle ...", "ulica ...", "heol ..." (Welsh).
 */
export const STREET_PREFIXES = wordSet(`
  rua avenida calle carrer carrera camino carretera paseo passeig ronda travesia praca praça largo
  travessa estrada rue chemin quai impasse allee allée via viale piazza piazzale corso strada vicolo
  ulica aleja plac heol stryd ffordd
`);

/**
 * Endings of one-word street names in languages that join the street word to the name:
 * "Wilhelmstrasse", "Keizersgracht", "Storgatan". Matched on words longer than the ending.
 */
export const STREET_ENDINGS: readonly string[] = [
  'strasse',
  'straße',
  'weg',
  'gasse',
  'platz',
  'allee',
  'damm',
  'ufer',
  'straat',
  'laan',
  'gracht',
  'plein',
  'kade',
  'dijk',
  'steeg',
  'singel',
  'vej',
  'gatan',
  'vägen',
  'vagen',
  'gata',
  'veien',
];

/** Words that introduce a unit inside a building: "apartment 4B", "flat 2", "puerta 9", "mieszkanie 3". */
export const UNIT_WORDS = wordSet(`
  apartment apt flat suite ste unit room floor building bldg block house lot space number no #
  apartamento apto piso puerta planta escalera depto departamento andar mieszkanie lokal wohnung
  etage appartement
`);

/** Words naming a floor before "floor": "first floor", "ground floor" (numbered ones come as "3 floor"). */
export const FLOOR_NAMES = wordSet(`
  ground first second third fourth fifth sixth seventh eighth ninth tenth top upper lower basement
`);

/** Compass words that may lead or follow a street name. */
export const DIRECTIONALS = wordSet(`
  north south east west n s e w ne nw se sw northeast northwest southeast southwest
`);

/** US states and territories, written out, word by word ("new", "york"). */
export const US_STATE_WORDS = wordSet(`
  alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
  idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
  minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico york carolina
  dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont virginia washington
  wisconsin wyoming columbia puerto rico guam new north south west district island
`);

/**
 * US postal state codes. Several are also words ("or", "ok", "hi"), so they count only when
 * written in capitals or followed by a ZIP code.
 */
export const US_STATE_CODES = wordSet(`
  al ak az ar ca co ct de fl ga hi ia ks ky la md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh
  ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc pr
`);

/**
 * Units that follow a number in ordinary talk ("20 minutes", "2 cards"): a number followed by
 * one of these is not a house number.
 */
export const MEASURE_WORDS = wordSet(`
  second seconds minute minutes min mins hour hours day days week weeks month months year years
  time times dollar dollars pound pounds euro euros cent cents pence buck bucks percent
  people person calls call card cards payment payments item items order orders account accounts
  digit digits number numbers mile miles km kilometres kilometers foot feet inch inches
  gig gigs gb mb pm am o'clock more less other of in on at to or and floor floors
`);
