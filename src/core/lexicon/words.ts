/**
 * General English word lists the dialogue recognizers use to tell a value from conversation.
 * All entries are lower case, as tokens are folded.
 */

/** Builds a set from a whitespace-separated list. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}

/** Builds a phrase list from a comma-separated list (phrases may hold spaces). */
export function phrases(list: string): string[] {
  return list
    .split(',')
    .map((phrase) => phrase.trim().replace(/\s+/g, ' '))
    .filter((phrase) => phrase !== '');
}

/** Function words: pronouns, articles, auxiliaries, prepositions, conjunctions. Never a value on their own. */
export const STOP_WORDS = wordSet(`
  a an the this that these those it it's its itself there there's here here's
  i i'm i've i'll i'd me my mine myself we we're we've we'll we'd us our ours ourselves
  you you're you've you'll you'd your yours yourself yourselves he he's him his himself she she's
  her hers herself they they're they've them their theirs themselves
  who who's whom whose what what's which when where why how
  is isn't am are aren't was wasn't were weren't be been being have has hasn't haven't had
  hadn't do does doesn't did didn't done don't can can't cannot could couldn't will won't would
  wouldn't shall should shouldn't may might must mustn't need let let's
  and or but nor so if then than because as while though although also too either neither since
  unless until whether
  of to in on at by for with from into onto about above below over under between through
  during before after up down out off again further once all any both each few more most
  including except without within
  other some such no not only own same just very much many lot lots
  that's what's where's how's who'd that'll there'll
`);

/**
 * Ordinary words a caller says that are not names or places: verbs, adjectives, adverbs, call
 * vocabulary, time words and answers. Words that are also common street or place names (park,
 * hill, green, church) are deliberately left out.
 */
export const COMMON_WORDS = wordSet(`
  yes yeah yep yup yah no nope nah okay ok alright right sure fine good great perfect lovely
  thanks thank please sorry hello hi hey bye goodbye oh ah um uh er erm hmm hm mhm mm uh-huh mm-hmm mm-hm
  well actually basically really probably maybe perhaps exactly correct incorrect wrong true like
  absolutely definitely certainly course indeed anyway still already yet even ever never always
  sometimes usually just only now today tonight tomorrow yesterday morning afternoon evening night
  noon midday midnight lunchtime
  week weeks month months year years day days hour hours minute minutes second seconds moment time
  times ago later soon recently early late last next first second third new old same different
  monday tuesday wednesday thursday friday saturday sunday weekend
  january february march april june july august september october november december
  calling call called calls ringing phoning phone phoned speak speaking spoke talk talking
  say said saying tell telling told ask asking asked answer answered know knew known think thought
  want wanted need needed get got getting give gave given go going went gone come coming came
  make made making take took taken see saw seen look looking looked help helping helped try trying
  tried use used using work working worked works change changed changing update updated updating
  check checked checking pay paid paying payment payments bill bills billing charge charged charges
  account accounts joint card cards bank balance money refund order orders delivery parcel package
  problem problems issue issues question questions error trouble complaint query enquiry inquiry
  service services internet broadband phone mobile cell line contract plan upgrade app website
  online email password username login details information number numbers address code
  fine busy happy unhappy upset ready sorry glad afraid sure unsure certain
  not here there home away back again also too very quite rather pretty
  nothing something anything everything nobody somebody anybody everybody none one ones
  it thing things stuff way ways kind sort type bit lot
  hold wait waiting holding hang hanging second sec minute bear
  remember forgot forget forgotten recall sure idea clue
  mister missus miss ms mr mrs dr doctor sir madam ma'am
  customer client agent manager supervisor someone person people guy lady man woman
  set put send sent move moved open opened close closed cancel cancelled canceled transfer
  transferred report reported claim claims file filed book booked booking buy bought sell sold
  renew renewed replace replaced activate activated block blocked unlock unlocked reset log
  logged sign signed register registered apply applied start started stop stopped finish keep
  kept leave left find found lose lost drop dropped pick picked show showed shown read write
  wrote written hear heard listen mean meant understand understood explain sort sorted fix fixed
  arrange arranged happen happened add added remove removed cut double triple hold held
  payee payer policy prescription appointment flight ticket tickets refill claim case reference
  letter statement receipt invoice fee fees cost price amount total interest rate credit debit
  transaction transactions deposit withdrawal loan mortgage insurance cover coverage plan
  portal system screen page link message text voicemail signal wifi router device laptop
  computer tablet speaker meeting train bus car traffic school work job office house flat move
  moving moment second minute quick little big small long short high low full empty whole half
  bad worse worst better best nice kind lovely awful terrible horrible brilliant excellent
  wonderful fantastic amazing cool funny weird strange important urgent serious simple easy hard
  difficult possible impossible available unavailable free extra date title network username
  welcome worries bother cheers problem pleasure transferring finishing putting sending passing
  connecting pulling reading updating processing afraid pleased sure ahead away slow slower slowly
  fast faster quickly birthday birthdays social god goodness gosh heavens
`);

/** Words of acknowledgement a listener says while the other party carries on speaking. */
export const BACKCHANNELS = wordSet(`
  yes yeah yep okay ok alright right sure mhm mm hmm hm uh-huh mm-hmm mm-hm uh huh um uh got it
  go ahead carry on continue great perfect lovely thanks thank you and
`);

/** Upper-case runs that are abbreviations callers say, not spelled names. */
export const ACRONYMS = wordSet(`
  id pin atm ok tv usa us uk po cvv cvc ssn dob zip pm am asap ceo it hr faq sms otp
  iphone ipad pc vip apt st rd ave iban bic swift vpn ip url llc ltd inc plc nhs dvla irs hmrc
  sim mfa sso pdf usb wifi isp dsl gp er
`);

/** Words that, leading a "value", show the speaker is describing a problem, not giving one. */
export const PROBLEM_WORDS = wordSet(`
  not wrong incorrect invalid expired expires expiring locked blocked broken working work changed
  reset forgotten successful unsuccessful failed suspended disabled
  forgot lost missing same different case required needed too still being gone never no
`);
