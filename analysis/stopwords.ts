/**
 * English function words plus survey filler. Survey answers are full of words that say
 * nothing about the pain ("we", "really", "basically", "thing"), and if they stay they
 * become the label of the biggest cluster.
 */
const ENGLISH = `a about above across after afterwards again against all almost alone along already also
although always am among amongst an and another any anyhow anyone anything anyway anywhere are
around as at be became because become becomes becoming been before beforehand behind being below
beside besides between beyond both but by can cannot could did do does doing done down during each
eg either else elsewhere enough etc even ever every everyone everything everywhere except few for
former formerly from further had has hasn have haven having he hence her here hereafter hereby herein
hereupon hers herself him himself his how however i ie if in indeed into is isn it its itself
just last latter latterly least less many may me meanwhile might mine more moreover most mostly
much must my myself namely neither never nevertheless next no nobody none noone nor not nothing now
nowhere of off often on once one only onto or other others otherwise our ours ourselves out over own
per perhaps please rather re same seem seemed seeming seems several she should since so some somehow
someone something sometime sometimes somewhere still such than that the their theirs them themselves
then thence there thereafter thereby therefore therein thereupon these they this those though through
throughout thru thus to together too toward towards under until up upon us very via was we well were
what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether
which while whither who whoever whole whom whose why will with within without would yet you your
yours yourself yourselves s t d ll m ve re don doesn didn wasn weren won wouldn shouldn couldn isn
aren ain ma let lets`;

const SURVEY_FILLER = `really actually basically literally honestly simply quite pretty totally
definitely probably maybe kind sort lot lots thing things stuff something anything everything way
ways like just get got getting gets go going goes went make makes made making want wanted need
needed know think thought feel felt say said tell told use used using time times one two
also able ok okay yes yeah hi hello thanks thank dear sir madam regards im ive id youre dont cant
wont doesnt didnt isnt wasnt`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${SURVEY_FILLER}`.split(/\s+/).filter((word) => word.length > 0));

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
