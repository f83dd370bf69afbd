/** Made-up people, places and companies the calls talk about. */
import type { Random } from './random.js';

export const FIRST_NAMES = [
  'James',
  'Maria',
  'Priya',
  'Daniel',
  'Aisha',
  'Tom',
  'Sophie',
  'Carlos',
  'Mei',
  'Oliver',
  'Fatima',
  'Liam',
  'Grace',
  'Mohammed',
  'Hannah',
  'Diego',
  'Chloe',
  'Kwame',
  'Emily',
  'Raj',
  'Zoe',
  'Patrick',
  'Ana',
  'Marcus',
  'Siobhan',
  'Wei',
  'Rachel',
  'Tyrone',
  'Ingrid',
  'Samuel',
  'Leah',
  'Connor',
  'Yusuf',
  'Beatrice',
  'Kenji',
  'Olivia',
  'Darnell',
  'Niamh',
  'Hector',
  'Lucy',
];

export const LAST_NAMES = [
  'Smith',
  'Kwong',
  'Okafor',
  'Patel',
  'Garcia',
  'Nguyen',
  'Fitzgerald',
  'Kowalski',
  'Johnson',
  'Abernathy',
  'Brennan',
  'Haddad',
  'Lindqvist',
  'Moreau',
  'Oyelaran',
  'Sato',
  'Thompson',
  'Wojcik',
  'Delacroix',
  'Murphy',
  'Achterberg',
  'Castellano',
  'Fairweather',
  'Ng',
  'Rahman',
  'Whitfield',
  'Zielinski',
  'Mbeki',
  'Carter',
  'Hughes',
  'Ramirez',
  'Oduya',
  'Pemberton',
  'Yilmaz',
  'Laurent',
  'Bishop',
];

export const AGENT_NAMES = [
  'Sarah',
  'Kevin',
  'Anita',
  'Marcus',
  'Jenna',
  'Dev',
  'Claire',
  'Luis',
  'Naomi',
  'Gareth',
  'Tasha',
  'Ben',
];

export const US_STREETS = [
  'Maple Avenue',
  'Oak Street',
  'Sunset Boulevard',
  'Elm Drive',
  'Lakeview Road',
  'Cedar Lane',
  'Willow Court',
  'Pine Street',
  'Harbor Way',
  'Madison Avenue',
  'Hillcrest Drive',
  'Riverside Parkway',
];
export const UK_STREETS = [
  'Kingsley Road',
  'Station Road',
  'Victoria Street',
  'Mill Lane',
  'Church Close',
  'Park Crescent',
  'Albert Terrace',
  'Highfield Avenue',
  'Queens Gardens',
  'Orchard Way',
  'The Green',
  'Marlborough Grove',
];
export const US_CITIES = [
  'Springfield',
  'Portland',
  'Austin',
  'Columbus',
  'Tampa',
  'Denver',
  'Sacramento',
  'Raleigh',
  'Madison',
  'Tucson',
];
export const UK_TOWNS = [
  'Leeds',
  'Bristol',
  'Manchester',
  'Cardiff',
  'Norwich',
  'York',
  'Glasgow',
  'Brighton',
  'Leicester',
  'Exeter',
];
export const US_STATES = [
  'Ohio',
  'Oregon',
  'Texas',
  'Florida',
  'Colorado',
  'California',
  'North Carolina',
  'Wisconsin',
  'Arizona',
  'Illinois',
];
export const BIRTH_CITIES = [
  'Dublin',
  'Karachi',
  'Lagos',
  'Sheffield',
  'Toledo',
  'Manila',
  'Krakow',
  'Leeds',
  'Boise',
  'Aberdeen',
  'Lyon',
  'Nairobi',
  'Cork',
  'Fresno',
];
export const PET_NAMES = [
  'Biscuit',
  'Rufus',
  'Pepper',
  'Mr Whiskers',
  'Bella',
  'Shadow',
  'Noodle',
  'Captain',
  'Daisy',
  'Pickles',
  'Bandit',
  'Marmalade',
];
export const SCHOOLS = [
  'Oakwood Primary',
  "Saint Mary's",
  'Lincoln Elementary',
  'Hillside Juniors',
  'Roosevelt Middle',
  'Greenfield Academy',
];
export const CAR_MAKES = [
  'Ford Fiesta',
  'Honda Civic',
  'Vauxhall Corsa',
  'Toyota Corolla',
  'Volkswagen Golf',
  'Chevy Malibu',
];
export const PASSWORD_WORDS = [
  'sunflower',
  'tiger',
  'marmalade',
  'blue',
  'harbour',
  'falcon',
  'river',
  'pumpkin',
  'dragon',
  'meadow',
  'rocket',
  'velvet',
];
export const USER_WORDS = [
  'falcon',
  'skyline',
  'maple',
  'quiet',
  'stormy',
  'pixel',
  'lunar',
  'ember',
  'cobalt',
  'juniper',
];

export type Sector =
  'utility' | 'bank' | 'software' | 'insurance' | 'health' | 'travel' | 'telecom' | 'retail';

/** Companies by sector and country, so a pharmacy call is not answered by a broadband provider. */
export const COMPANIES: Record<Sector, { US: readonly string[]; UK: readonly string[] }> = {
  utility: { US: ['Cascade Energy', 'Lakeshore Water'], UK: ['Pennine Energy', 'Lakeland Water'] },
  bank: {
    US: ['Northwind Bank', 'Keystone Credit Union'],
    UK: ['Heathside Bank', 'Thameside Building Society'],
  },
  software: { US: ['Cloudnest Support', 'Ledgerly'], UK: ['Brightdesk Support', 'Payroll Plus'] },
  insurance: {
    US: ['Redwood Insurance', 'Summit Mutual'],
    UK: ['Crown Motor Insurance', 'Harbour Home Insurance'],
  },
  health: {
    US: ['Summit Health Plans', 'CareWell Pharmacy'],
    UK: ['Meridian Health Cover', 'Greenway Pharmacy'],
  },
  travel: { US: ['Bluejay Airlines', 'Roamwell Travel'], UK: ['Britannic Rail', 'Skyline Holidays'] },
  telecom: { US: ['Brightline Wireless', 'Horizon Broadband'], UK: ['Albion Telecom', 'Fibrelink'] },
  retail: { US: ['Maple & Co', 'Outfitters Direct'], UK: ['Hartley Home Store', 'Pennyworth Catalogue'] },
};

export interface Person {
  first: string;
  last: string;
}

export function person(rng: Random): Person {
  return { first: rng.pick(FIRST_NAMES), last: rng.pick(LAST_NAMES) };
}
