// Vocabulary for the synthetic knowledge and memos: the words a policy analyst writes with.
// Combined at random (seeded), these give thousands of distinct terms, titles and sentences.

export const givenNames = [
  'Aiko', 'Amara', 'Anders', 'Ana', 'Bilal', 'Camille', 'Chen', 'Dario', 'Divya', 'Elena', 'Emeka', 'Farah', 'Felix', 'Grace',
  'Hana', 'Hiroshi', 'Ines', 'Ivan', 'Jae-won', 'Jamal', 'Johanna', 'Joon', 'Kalani', 'Karin', 'Lars', 'Leila', 'Lucia', 'Malik',
  'Maria', 'Mei', 'Min-ji', 'Nadia', 'Nikhil', 'Noor', 'Olena', 'Omar', 'Paolo', 'Priya', 'Rafael', 'Rin', 'Sami', 'Sara',
  'Seo-yeon', 'Tariq', 'Thanh', 'Tomas', 'Uma', 'Vikram', 'Wen', 'Yara', 'Yusuf', 'Zainab', 'Zofia',
];

export const familyNames = [
  'Abe', 'Adeyemi', 'Alvarez', 'Andersen', 'Bae', 'Banerjee', 'Bauer', 'Bianchi', 'Castillo', 'Chandra', 'Cho', 'Costa', 'Dubois',
  'Eriksson', 'Fernandes', 'Fischer', 'Garcia', 'Gupta', 'Haddad', 'Hansen', 'Hoang', 'Hwang', 'Ibrahim', 'Ito', 'Jang', 'Jensen',
  'Kaur', 'Khan', 'Kowalski', 'Kuznetsova', 'Lee', 'Lindqvist', 'Lopez', 'Mahmoud', 'Martens', 'Moreau', 'Mwangi', 'Nakamura',
  'Nguyen', 'Novak', 'Okafor', 'Olsen', 'Osei', 'Park', 'Petrov', 'Quispe', 'Rahman', 'Reyes', 'Rossi', 'Sato', 'Schmidt', 'Shah',
  'Silva', 'Singh', 'Suzuki', 'Tanaka', 'Torres', 'Tran', 'Usman', 'Valdez', 'Vogel', 'Wagner', 'Wang', 'Watanabe', 'Weber',
  'Yamamoto', 'Yilmaz', 'Yoon', 'Zhang', 'Zielinski',
];

// Words for organisation and programme names: "Regional Maritime Security Initiative" (RMSI).
export const orgScope = ['Regional', 'National', 'Joint', 'Global', 'Pacific', 'Asian', 'Atlantic', 'Nordic', 'Coastal', 'Continental', 'Federal', 'Inter-Agency', 'Multilateral', 'Trilateral', 'Central', 'Northern', 'Southern', 'Eastern', 'Western', 'International'];
export const orgField = ['Maritime', 'Digital', 'Energy', 'Cyber', 'Trade', 'Climate', 'Health', 'Space', 'Water', 'Food', 'Financial', 'Semiconductor', 'Infrastructure', 'Telecommunications', 'Research', 'Export', 'Investment', 'Security', 'Migration', 'Education', 'Transport', 'Data', 'Nuclear', 'Fisheries', 'Disaster'];
export const orgFocus = ['Resilience', 'Standards', 'Governance', 'Cooperation', 'Development', 'Innovation', 'Monitoring', 'Policy', 'Response', 'Integrity', 'Partnership', 'Capacity', 'Stability', 'Transparency', 'Oversight', 'Connectivity', 'Readiness', 'Protection'];
export const orgKind = ['Council', 'Initiative', 'Programme', 'Framework', 'Agency', 'Forum', 'Commission', 'Network', 'Dialogue', 'Centre', 'Office', 'Facility', 'Mechanism', 'Task Force', 'Alliance', 'Board'];

// Concept terms: "supply-chain resilience", "spectrum allocation policy".
export const conceptModifier = ['supply-chain', 'spectrum', 'critical-minerals', 'data-localisation', 'undersea-cable', 'grid', 'vaccine', 'blue-economy', 'dual-use', 'cross-border', 'green-hydrogen', 'carbon-border', 'open-source', 'quantum', 'satellite', 'biosecurity', 'port-state', 'public-debt', 'microfinance', 'early-warning', 'cloud', 'payment-system', 'election', 'fisheries', 'rare-earth', 'water-sharing', 'coastal', 'urban-heat', 'disinformation', 'artificial-intelligence'];
export const conceptHead = ['resilience', 'screening', 'sovereignty', 'allocation', 'diplomacy', 'security', 'governance', 'risk', 'transition', 'financing', 'coordination', 'assurance', 'interoperability', 'decoupling', 'de-risking', 'stewardship', 'certification', 'readiness', 'integration', 'compliance'];
export const conceptTail = ['', '', '', 'policy', 'regime', 'model', 'agenda', 'index', 'framework', 'standard', 'doctrine', 'mechanism'];

export const places = [
  'Indo-Pacific', 'Southeast Asia', 'the Pacific Islands', 'South Asia', 'Central Asia', 'the Gulf', 'East Africa', 'West Africa',
  'the Sahel', 'the Baltic states', 'the Western Balkans', 'Latin America', 'the Caribbean', 'the Arctic', 'the Mekong basin',
  'Northeast Asia', 'the Horn of Africa', 'the Mediterranean', 'the Andean region', 'Oceania', 'the Bay of Bengal', 'North Africa',
  'the Black Sea region', 'the Caucasus', 'Southern Africa', 'the Nordic region', 'the Korean Peninsula', 'the Malacca Strait',
];

export const cities = ['Jakarta', 'Nairobi', 'Lima', 'Hanoi', 'Manila', 'Accra', 'Warsaw', 'Tallinn', 'Suva', 'Dhaka', 'Colombo', 'Canberra', 'Wellington', 'Ottawa', 'Lisbon', 'Seoul', 'Tokyo', 'Geneva', 'Vienna', 'Singapore', 'Bangkok', 'Addis Ababa', 'Santiago', 'Reykjavik', 'Oslo', 'Dakar'];

// Topics of claims: each is a set of phrases a memo uses for the same thing.
export const topics = [
  ['export', 'outbound trade', 'overseas sales'], ['import', 'inbound trade'], ['foreign direct investment', 'FDI inflow', 'inward investment'],
  ['defence spending', 'military expenditure', 'defence budget'], ['broadband coverage', 'internet access', 'connectivity'],
  ['renewable capacity', 'renewable generation', 'clean power'], ['emission', 'greenhouse gas output', 'carbon output'],
  ['public debt', 'government debt', 'sovereign debt'], ['youth unemployment', 'jobless rate among young people'],
  ['remittance', 'money sent home'], ['tariff', 'customs duty', 'import duty'], ['research funding', 'R&D spending', 'research budget'],
  ['patent filing', 'patent application'], ['cyber incident', 'cyberattack', 'intrusion'], ['ransomware attack', 'ransomware incident'],
  ['data breach', 'leak of personal data'], ['vaccination rate', 'vaccine coverage', 'immunisation rate'], ['hospital bed', 'hospital capacity'],
  ['port traffic', 'container throughput', 'cargo volume'], ['shipping lane', 'sea lane', 'maritime route'], ['fish stock', 'fishery yield'],
  ['rice output', 'grain harvest', 'crop yield'], ['food price', 'cost of staples'], ['inflation', 'consumer price growth'],
  ['household income', 'median income'], ['poverty rate', 'share of people in poverty'], ['school enrolment', 'enrolment rate'],
  ['literacy rate', 'adult literacy'], ['refugee arrival', 'asylum application', 'displaced people'], ['labour migration', 'migrant worker'],
  ['election turnout', 'voter turnout'], ['press freedom', 'media freedom'], ['corruption case', 'bribery case'],
  ['semiconductor output', 'chip production', 'chip output'], ['rare earth supply', 'rare-earth processing'], ['lithium reserve', 'lithium deposit'],
  ['undersea cable', 'subsea cable', 'submarine cable'], ['satellite launch', 'launch to orbit'], ['5G rollout', '5G deployment'],
  ['data centre', 'data center', 'cloud region'], ['electric vehicle sale', 'EV sale', 'electric car sale'], ['coal consumption', 'coal use'],
  ['oil import', 'crude import', 'crude oil'], ['natural gas', 'LNG import', 'liquefied natural gas'], ['grid outage', 'blackout', 'power cut'],
  ['water stress', 'water shortage'], ['heatwave', 'extreme heat'], ['flood damage', 'flood loss'], ['sea-level rise', 'rising sea'],
  ['aid disbursement', 'development assistance', 'official development assistance'], ['loan commitment', 'lending commitment'],
  ['joint exercise', 'military exercise', 'naval drill'], ['arms transfer', 'arms sale', 'weapons export'], ['peacekeeping contribution', 'peacekeeper'],
  ['sanction', 'restrictive measure'], ['trade agreement', 'free trade agreement', 'trade deal'], ['memorandum of understanding', 'MoU'],
  ['summit', 'leaders meeting'], ['ministerial meeting', 'ministerial'], ['working group', 'expert group'], ['capacity building', 'capacity-building'],
  ['confidence-building measure', 'trust-building measure'], ['information sharing', 'intelligence sharing'], ['incident response', 'emergency response'],
  ['critical infrastructure', 'essential service'], ['supply chain', 'supply network'], ['stockpile', 'strategic reserve'],
  ['tourism receipt', 'tourist arrival'], ['startup funding', 'venture capital'], ['tax revenue', 'government revenue'], ['subsidy', 'state aid'],
];

export const nouns = [
  'policy', 'framework', 'approach', 'partnership', 'commitment', 'strategy', 'agenda', 'reform', 'programme', 'mechanism', 'dialogue',
  'process', 'investment', 'capacity', 'priority', 'risk', 'opportunity', 'instrument', 'coalition', 'standard', 'market', 'network',
  'ministry', 'government', 'region', 'sector', 'economy', 'community', 'alliance', 'institution', 'budget', 'initiative', 'roadmap',
  'consultation', 'review', 'assessment', 'mandate', 'regulation', 'guideline', 'platform', 'pipeline', 'dataset', 'indicator',
];
export const adjectives = [
  'regional', 'national', 'bilateral', 'multilateral', 'strategic', 'economic', 'digital', 'sustainable', 'resilient', 'inclusive',
  'long-term', 'short-term', 'coherent', 'credible', 'practical', 'ambitious', 'modest', 'targeted', 'broad', 'narrow', 'early',
  'cross-border', 'domestic', 'external', 'public', 'private', 'technical', 'political', 'legal', 'fiscal', 'institutional',
];
export const verbs = [
  'strengthens', 'weakens', 'shapes', 'complicates', 'supports', 'undermines', 'accelerates', 'delays', 'clarifies', 'reframes',
  'expands', 'narrows', 'links', 'separates', 'funds', 'constrains', 'enables', 'tests', 'reinforces', 'limits', 'signals', 'reflects',
];
export const connectives = [
  'At the same time,', 'In practice,', 'By contrast,', 'For this reason,', 'Taken together,', 'Even so,', 'In the near term,',
  'Over the longer run,', 'More broadly,', 'As a result,', 'Nonetheless,', 'In this light,', 'Meanwhile,', 'Crucially,', 'Moreover,',
];
export const hedges = ['about', 'roughly', 'nearly', 'around', 'some', 'almost', 'just over', 'well over', 'approximately', 'close to'];
export const headings = [
  'Background', 'Context', 'Key findings', 'Economic stakes', 'Security implications', 'Technology and standards', 'Institutions',
  'Regional dynamics', 'Financing', 'Risks and uncertainties', 'Options', 'Recommendations', 'Implementation', 'Stakeholders',
  'Timeline', 'Lessons from past efforts', 'Data and methods', 'Partners and coalitions', 'Legal considerations', 'Outlook',
];
export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const ordinalWords = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export const quantifierWords = { none: 'no', few: 'few', minority: 'a minority of', some: 'some', many: 'many', majority: 'a majority of', most: 'most', all: 'all' };
export const stanceVerbs = {
  support: ['supports', 'opposes'], cooperate: ['cooperates with', 'has suspended cooperation with'], role: ['plays a central role in', 'plays no role in'],
  bound: ['is bound by', 'is exempt from'], capable: ['can deliver', 'cannot deliver'], generic: ['addresses', 'does not address'],
};
