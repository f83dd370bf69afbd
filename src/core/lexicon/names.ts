/**
 * Common given names and surnames (English-speaking markets, with frequent Hispanic, South Asian
 * and East Asian names). They raise a name's score; a name outside the lists can still be found.
 */
import { phrases, wordSet } from './words.js';

export const FIRST_NAMES = wordSet(`
  james john robert michael william david richard joseph thomas charles christopher daniel matthew
  anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
  jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
  samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan
  henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald
  harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan
  albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby philip louis
  liam oliver harry charlie alfie freddie archie leo oscar theo lucas luke tom tim dave mike steve
  chris matt dan ben sam nick jim bob rob ed andy tony pete greg ian neil colin graham gavin stuart
  barry derek trevor nigel simon martin kieran declan connor callum ross craig mary patricia
  jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
  ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
  sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
  katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia
  joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah
  jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy
  sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
  charlotte marie kayla alexis lori amelia ava mia isla poppy jessie chloe lucy ellie sophie holly
  zoe ruby jade kate katie claire louise gemma joanne tracy tracey wendy dawn julia fiona lynn sue
  jane liz beth jenny becky mandy kim tina muhammad mohammed mohammad ahmed ali hassan omar fatima
  aisha priya raj rahul amit sunil anil ravi sanjay deepak arjun vikram neha pooja anjali sunita
  wei ming jun hui xin yan hiroshi yuki kenji min-jun ji-woo seo-yeon carlos luis miguel jorge
  pedro alejandro diego javier manuel francisco antonio rosa carmen ana lucia sofia valentina
  camila isabel elena guadalupe mariana gabriela
  gareth rhys owain shannon dana colleen siobhan niamh aoife ciara sinead shane darren kirsty leanne
  stacey gail maureen bridget eileen sheila brendan conor niall ciaran rory fergus hamish angus euan
  alistair marcus darnell andre jamal keisha latoya tanisha brianna jaylen hector rafael ricardo
  fernando sergio tomasz piotr agnieszka katarzyna
`);

export const SURNAMES = wordSet(`
  smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez
  gonzalez wilson anderson thomas taylor moore jackson martin lee perez thompson harris sanchez
  clark ramirez lewis robinson walker allen wright scott torres nguyen flores adams nelson baker
  rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards
  collins reyes stewart morris morales murphy rogers gutierrez ortiz morgan cooper peterson bailey
  reed kelly howard ramos kim cox richardson watson brooks chavez james bennett mendoza ruiz hughes
  alvarez castillo sanders patel myers ross foster jimenez powell jenkins perry russell sullivan
  coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander
  hamilton graham reynolds griffin wallace moreno hayes bryant herrera gibson ellis tran medina
  aguilar stevens murray castro marshall owens harrison fernandez mcdonald washington kennedy wells
  vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon
  mendez silva shaw dixon munoz hicks holmes palmer wagner robertson boyd salazar warren meyer
  schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne dunn kelley
  spencer hawkins arnold pierce hansen peters santos hart bradley knight elliott cunningham duncan
  armstrong hudson carroll riley andrews berry perkins hoffman johnston matthews pena richards
  willis carpenter lawrence sandoval o'brien o'connor o'neill o'sullivan mcarthur mccarthy mckenzie
  macdonald davies jones-smith thompson-hall lloyd owen griffiths bowen kwong wong chan cheung
  leung tang zhang wang liu yang huang zhao zhou zhu guo gao luo tanaka suzuki takahashi watanabe
  ito yamamoto nakamura kobayashi sato park choi jung kang cho yoon jang shah singh kumar sharma
  gupta khan ahmed hussain rahman chowdhury iyer reddy nair banerjee mukherjee desai mehta joshi
  kapoor malhotra nowak kowalski novak muller schneider fischer weber becker schulz rossi russo
  ferrari esposito bianchi romano colombo dubois moreau laurent lefebvre bernard petit
`);

/** Courtesy and rank titles: the name follows them ("Agent Ruiz", "Officer Grant"). */
export const TITLES = wordSet(`
  mr mister mrs missus ms miss mx dr doctor prof professor agent officer detective sergeant
  captain
`);

/**
 * Words that make a "name" an organisation's: "Midwest Title and Escrow LLC", "Harbor Dental Group".
 * An answer holding one names a company, not a person.
 */
export const ORGANISATION_WORDS = wordSet(`
  llc inc incorporated ltd limited plc corp corporation company co group holdings bank banking
  trust title escrow insurance assurance services partners associates solutions industries
  enterprises realty properties foundation university college hospital clinic pharmacy dental
  medical healthcare motors logistics systems technologies labs laboratories agency lettings estates
  mortgage mortgages finance financial credit union society tool tools
  limitada ltda lda gmbh sarl srl sas spa bv nv ag pty
`);

/**
 * Words before a first name that show it addresses someone: "thanks, Helen", "hi Raj",
 * "anything else, Samuel?".
 */
export const ADDRESSING_WORDS = wordSet(`
  thanks thank you hi hello hey hiya bye goodbye cheers morning afternoon evening night else dear
  okay ok alright right sorry welcome lovely great perfect sure yes no anytime care
`);

/**
 * The greetings, thanks and goodbyes among ADDRESSING_WORDS: after one of them even a name outside
 * the lists addresses someone ("You're welcome, Odalys. Have a good night").
 */
export const COURTESY_WORDS = wordSet(`
  thanks you hi hello hey hiya bye goodbye cheers welcome anytime care dear
`);

/**
 * People a speaker names by how they relate to someone ("my husband Declan", "your brother Ray",
 * "our son, Tobias Wren"): a name right after one of them is that person's.
 */
export const RELATION_WORDS = wordSet(`
  husband wife partner spouse son daughter child kid stepson stepdaughter brother sister mother
  father mom mum mam dad stepmother stepfather boyfriend girlfriend fiance fiancé fiancee fiancée
  nephew niece cousin uncle aunt auntie grandson granddaughter grandmother grandfather grandma
  grandpa granny nan nana friend neighbour neighbor colleague coworker boss manager supervisor
  landlord landlady flatmate roommate housemate carer caregiver fella fellow bloke hubby missus
  dependent dependant
`);

/**
 * Phrases giving the name a speaker goes by ("everyone calls me Frankie"): the name after them is
 * theirs, unlike after "call me", which is as often "call me back".
 */
export const NICKNAME_CUES = phrases(`
  everyone calls me, everybody calls me, people call me, friends call me, my friends call me,
  they call me, they all call me, most people call me, everyone just calls me, everybody just calls me,
  just call me, please call me, you can call me, i go by
`);

/** Words that make the relation someone's: "my wife", "your brother". */
export const RELATION_OWNERS = wordSet(`my your our his her their`);

/**
 * Words said to someone in place of a name ("cheers mate", "thanks guys", "thank you kindly") or
 * starting the next sentence after thanks ("you're welcome, stay safe"): without capitals they look
 * like an unlisted name after a greeting or thanks.
 */
export const NAME_STAND_INS = wordSet(`
  mate mates love pal buddy bud darling dear hun hon honey sweetheart sweetie baby babe dude bro
  folks guys everyone everybody
  all both team man sir madam maam ma'am kindly heaps loads lots tons muchly again indeed anyway
  then now there bye-bye meanwhile stay safe travels travel journey trip enjoy
`);

/**
 * Words after a one-word name that show it is someone's name, not a verb: "my wife Ishbel is on
 * the account", "my brother Anders at ...", not "my wife handles the bills".
 */
export const AFTER_NAME_WORDS = wordSet(`is was and who on at has had too also as 's will would can could`);

/** Words after a first name opening a turn that show it addresses someone: "Raj, can I ...". */
export const AFTER_ADDRESS_WORDS = wordSet(`
  can could would will do did is are have i i'm i've just so how what when where quick one sorry
  thanks thank
`);
