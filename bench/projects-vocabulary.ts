/**
 * Words of the generated project database (bench/projects-data.ts): about 110 topics, each with
 * Finnish forms (nominative, genitive, inessive, partitive), Swedish (indefinite, definite) and
 * English (singular, plural) – some 330 distinct words in 800 forms. Topics are listed roughly from
 * the most to the least frequent; the generator draws them with exponentially falling weights, so
 * the first ones occur in a large share of projects and the last few in a handful.
 */
export interface Topic {
  fi: readonly [string, string, string, string];
  sv: readonly [string, string];
  en: readonly [string, string];
}

const t = (fi: string, sv: string, en: string): Topic => {
  const f = fi.split('|');
  const s = sv.split('|');
  const e = en.split('|');
  return { fi: [f[0]!, f[1]!, f[2]!, f[3]!], sv: [s[0]!, s[1] ?? s[0]!], en: [e[0]!, e[1] ?? e[0]!] };
};

export const topics: readonly Topic[] = [
  t('kiertotalous|kiertotalouden|kiertotaloudessa|kiertotaloutta', 'cirkulär ekonomi|cirkulära ekonomin', 'circular economy|circular economies'),
  t('digitalisaatio|digitalisaation|digitalisaatiossa|digitalisaatiota', 'digitalisering|digitaliseringen', 'digitalisation|digitalisations'),
  t('yritys|yritysten|yrityksissä|yrityksiä', 'företag|företagen', 'enterprise|enterprises'),
  t('energia|energian|energiassa|energiaa', 'energi|energin', 'energy|energies'),
  t('palvelu|palvelujen|palveluissa|palveluja', 'tjänst|tjänsterna', 'service|services'),
  t('osaaminen|osaamisen|osaamisessa|osaamista', 'kompetens|kompetensen', 'skill|skills'),
  t('innovaatio|innovaatioiden|innovaatioissa|innovaatioita', 'innovation|innovationerna', 'innovation|innovations'),
  t('tutkimus|tutkimuksen|tutkimuksessa|tutkimusta', 'forskning|forskningen', 'research|researches'),
  t('biotalous|biotalouden|biotaloudessa|biotaloutta', 'bioekonomi|bioekonomin', 'bioeconomy|bioeconomies'),
  t('teollisuus|teollisuuden|teollisuudessa|teollisuutta', 'industri|industrin', 'industry|industries'),
  t('vety|vedyn|vedyssä|vetyä', 'vätgas|vätgasen', 'hydrogen|hydrogens'),
  t('matkailu|matkailun|matkailussa|matkailua', 'turism|turismen', 'tourism|tourisms'),
  t('hyvinvointi|hyvinvoinnin|hyvinvoinnissa|hyvinvointia', 'välfärd|välfärden', 'wellbeing|wellbeings'),
  t('data|datan|datassa|dataa', 'data|datan', 'data|datasets'),
  t('ratkaisu|ratkaisujen|ratkaisuissa|ratkaisuja', 'lösning|lösningarna', 'solution|solutions'),
  t('kehittäminen|kehittämisen|kehittämisessä|kehittämistä', 'utveckling|utvecklingen', 'development|developments'),
  t('yhteistyö|yhteistyön|yhteistyössä|yhteistyötä', 'samarbete|samarbetet', 'cooperation|cooperations'),
  t('materiaali|materiaalien|materiaaleissa|materiaaleja', 'material|materialen', 'material|materials'),
  t('akkumateriaali|akkumateriaalien|akkumateriaaleissa|akkumateriaaleja', 'batterimaterial|batterimaterialen', 'battery material|battery materials'),
  t('metsäteollisuus|metsäteollisuuden|metsäteollisuudessa|metsäteollisuutta', 'skogsindustri|skogsindustrin', 'forest industry|forest industries'),
  t('tekoäly|tekoälyn|tekoälyssä|tekoälyä', 'artificiell intelligens|artificiella intelligensen', 'artificial intelligence|intelligences'),
  t('tuotanto|tuotannon|tuotannossa|tuotantoa', 'produktion|produktionen', 'production|productions'),
  t('kierrätys|kierrätyksen|kierrätyksessä|kierrätystä', 'återvinning|återvinningen', 'recycling|recyclings'),
  t('ilmasto|ilmaston|ilmastossa|ilmastoa', 'klimat|klimatet', 'climate|climates'),
  t('terveys|terveyden|terveydessä|terveyttä', 'hälsa|hälsan', 'health|healths'),
  t('koulutus|koulutuksen|koulutuksessa|koulutusta', 'utbildning|utbildningen', 'education|educations'),
  t('maaseutu|maaseudun|maaseudulla|maaseutua', 'landsbygd|landsbygden', 'rural area|rural areas'),
  t('automaatio|automaation|automaatiossa|automaatiota', 'automation|automationen', 'automation|automations'),
  t('varastointi|varastoinnin|varastoinnissa|varastointia', 'lagring|lagringen', 'storage|storages'),
  t('logistiikka|logistiikan|logistiikassa|logistiikkaa', 'logistik|logistiken', 'logistics|logistics'),
  t('liikenne|liikenteen|liikenteessä|liikennettä', 'trafik|trafiken', 'transport|transports'),
  t('päästö|päästöjen|päästöissä|päästöjä', 'utsläpp|utsläppen', 'emission|emissions'),
  t('sivuvirta|sivuvirtojen|sivuvirroissa|sivuvirtoja', 'sidoström|sidoströmmarna', 'side stream|side streams'),
  t('rakentaminen|rakentamisen|rakentamisessa|rakentamista', 'byggande|byggandet', 'construction|constructions'),
  t('puurakentaminen|puurakentamisen|puurakentamisessa|puurakentamista', 'träbyggande|träbyggandet', 'wood construction|wood constructions'),
  t('sähkö|sähkön|sähkössä|sähköä', 'elektricitet|elektriciteten', 'electricity|electricities'),
  t('akku|akkujen|akuissa|akkuja', 'batteri|batterierna', 'battery|batteries'),
  t('kaivosteollisuus|kaivosteollisuuden|kaivosteollisuudessa|kaivosteollisuutta', 'gruvindustri|gruvindustrin', 'mining industry|mining industries'),
  t('mineraali|mineraalien|mineraaleissa|mineraaleja', 'mineral|mineralerna', 'mineral|minerals'),
  t('vesi|veden|vedessä|vettä', 'vatten|vattnet', 'water|waters'),
  t('ruoka|ruoan|ruoassa|ruokaa', 'mat|maten', 'food|foods'),
  t('elintarvike|elintarvikkeiden|elintarvikkeissa|elintarvikkeita', 'livsmedel|livsmedlen', 'foodstuff|foodstuffs'),
  t('maatalous|maatalouden|maataloudessa|maataloutta', 'jordbruk|jordbruket', 'agriculture|agricultures'),
  t('verkosto|verkoston|verkostossa|verkostoa', 'nätverk|nätverket', 'network|networks'),
  t('alusta|alustan|alustalla|alustaa', 'plattform|plattformen', 'platform|platforms'),
  t('kokeilu|kokeilujen|kokeiluissa|kokeiluja', 'försök|försöken', 'experiment|experiments'),
  t('pilotti|pilottien|piloteissa|pilotteja', 'pilot|piloterna', 'pilot|pilots'),
  t('kyberturvallisuus|kyberturvallisuuden|kyberturvallisuudessa|kyberturvallisuutta', 'cybersäkerhet|cybersäkerheten', 'cybersecurity|cybersecurities'),
  t('robotiikka|robotiikan|robotiikassa|robotiikkaa', 'robotik|robotiken', 'robotics|robotics'),
  t('sensori|sensorien|sensoreissa|sensoreita', 'sensor|sensorerna', 'sensor|sensors'),
  t('valmistus|valmistuksen|valmistuksessa|valmistusta', 'tillverkning|tillverkningen', 'manufacturing|manufacturings'),
  t('tuulivoima|tuulivoiman|tuulivoimassa|tuulivoimaa', 'vindkraft|vindkraften', 'wind power|wind powers'),
  t('aurinkoenergia|aurinkoenergian|aurinkoenergiassa|aurinkoenergiaa', 'solenergi|solenergin', 'solar energy|solar energies'),
  t('kaukolämpö|kaukolämmön|kaukolämmössä|kaukolämpöä', 'fjärrvärme|fjärrvärmen', 'district heating|district heatings'),
  t('lämpöpumppu|lämpöpumppujen|lämpöpumpuissa|lämpöpumppuja', 'värmepump|värmepumparna', 'heat pump|heat pumps'),
  t('biokaasu|biokaasun|biokaasussa|biokaasua', 'biogas|biogasen', 'biogas|biogases'),
  t('luonto|luonnon|luonnossa|luontoa', 'natur|naturen', 'nature|natures'),
  t('monimuotoisuus|monimuotoisuuden|monimuotoisuudessa|monimuotoisuutta', 'mångfald|mångfalden', 'biodiversity|biodiversities'),
  t('vesistö|vesistöjen|vesistöissä|vesistöjä', 'vattendrag|vattendragen', 'waterway|waterways'),
  t('kulttuuri|kulttuurin|kulttuurissa|kulttuuria', 'kultur|kulturen', 'culture|cultures'),
  t('peliala|pelialan|pelialalla|pelialaa', 'spelbransch|spelbranschen', 'games industry|games industries'),
  t('nuoret|nuorten|nuorissa|nuoria', 'ungdom|ungdomarna', 'young person|young people'),
  t('ikääntyneet|ikääntyneiden|ikääntyneissä|ikääntyneitä', 'äldre|de äldre', 'older person|older people'),
  t('etäpalvelu|etäpalvelujen|etäpalveluissa|etäpalveluja', 'distanstjänst|distanstjänsterna', 'remote service|remote services'),
  t('saavutettavuus|saavutettavuuden|saavutettavuudessa|saavutettavuutta', 'tillgänglighet|tillgängligheten', 'accessibility|accessibilities'),
  t('kansainvälistyminen|kansainvälistymisen|kansainvälistymisessä|kansainvälistymistä', 'internationalisering|internationaliseringen', 'internationalisation|internationalisations'),
  t('vienti|viennin|viennissä|vientiä', 'export|exporten', 'export|exports'),
  t('investointi|investointien|investoinneissa|investointeja', 'investering|investeringarna', 'investment|investments'),
  t('työllisyys|työllisyyden|työllisyydessä|työllisyyttä', 'sysselsättning|sysselsättningen', 'employment|employments'),
  t('elinvoima|elinvoiman|elinvoimassa|elinvoimaa', 'livskraft|livskraften', 'vitality|vitalities'),
  t('kaupunki|kaupunkien|kaupungeissa|kaupunkeja', 'stad|städerna', 'city|cities'),
  t('satama|satamien|satamissa|satamia', 'hamn|hamnarna', 'port|ports'),
  t('rautatie|rautateiden|rautateillä|rautateitä', 'järnväg|järnvägen', 'railway|railways'),
  t('talteenotto|talteenoton|talteenotossa|talteenottoa', 'tillvaratagande|tillvaratagandet', 'recovery|recoveries'),
  t('hyödyntäminen|hyödyntämisen|hyödyntämisessä|hyödyntämistä', 'utnyttjande|utnyttjandet', 'utilisation|utilisations'),
  t('murros|murroksen|murroksessa|murrosta', 'omställning|omställningen', 'transition|transitions'),
  t('malli|mallien|malleissa|malleja', 'modell|modellerna', 'model|models'),
  t('arktinen alue|arktisen alueen|arktisella alueella|arktista aluetta', 'arktisk region|arktiska regionen', 'arctic region|arctic regions'),
  t('järvi|järvien|järvillä|järviä', 'sjö|sjöarna', 'lake|lakes'),
  t('meri|meren|merellä|merta', 'hav|havet', 'sea|seas'),
  t('talvi|talven|talvella|talvea', 'vinter|vintern', 'winter|winters'),
  t('lumi|lumen|lumessa|lunta', 'snö|snön', 'snow|snows'),
  t('marja|marjojen|marjoissa|marjoja', 'bär|bären', 'berry|berries'),
  t('kalastus|kalastuksen|kalastuksessa|kalastusta', 'fiske|fisket', 'fishing|fisheries'),
  t('turve|turpeen|turpeessa|turvetta', 'torv|torven', 'peat|peats'),
  t('fotoniikka|fotoniikan|fotoniikassa|fotoniikkaa', 'fotonik|fotoniken', 'photonics|photonics'),
  t('mikroelektroniikka|mikroelektroniikan|mikroelektroniikassa|mikroelektroniikkaa', 'mikroelektronik|mikroelektroniken', 'microelectronics|microelectronics'),
  t('terveysteknologia|terveysteknologian|terveysteknologiassa|terveysteknologiaa', 'hälsoteknik|hälsotekniken', 'health technology|health technologies'),
  t('lääke|lääkkeiden|lääkkeissä|lääkkeitä', 'läkemedel|läkemedlen', 'medicine|medicines'),
  t('ajoneuvo|ajoneuvojen|ajoneuvoissa|ajoneuvoja', 'fordon|fordonen', 'vehicle|vehicles'),
  t('lentoliikenne|lentoliikenteen|lentoliikenteessä|lentoliikennettä', 'flygtrafik|flygtrafiken', 'air transport|air transports'),
  t('kaivos|kaivosten|kaivoksissa|kaivoksia', 'gruva|gruvorna', 'mine|mines'),
  t('kriittinen raaka-aine|kriittisten raaka-aineiden|kriittisissä raaka-aineissa|kriittisiä raaka-aineita', 'kritisk råvara|kritiska råvarorna', 'critical raw material|critical raw materials'),
  t('hiilineutraalius|hiilineutraaliuden|hiilineutraaliudessa|hiilineutraaliutta', 'koldioxidneutralitet|koldioxidneutraliteten', 'carbon neutrality|carbon neutralities'),
  t('biohiili|biohiilen|biohiilessä|biohiiltä', 'biokol|biokolet', 'biochar|biochars'),
  t('nanoselluloosa|nanoselluloosan|nanoselluloosassa|nanoselluloosaa', 'nanocellulosa|nanocellulosan', 'nanocellulose|nanocelluloses'),
  t('avaruus|avaruuden|avaruudessa|avaruutta', 'rymd|rymden', 'space|spaces'),
  t('kvanttiteknologia|kvanttiteknologian|kvanttiteknologiassa|kvanttiteknologiaa', 'kvantteknik|kvanttekniken', 'quantum technology|quantum technologies'),
  t('poronhoito|poronhoidon|poronhoidossa|poronhoitoa', 'renskötsel|renskötseln', 'reindeer herding|reindeer herdings'),
  t('geotermia|geotermian|geotermiassa|geotermiaa', 'geotermi|geotermin', 'geothermal energy|geothermal energies'),
];

/** Filler words of the summaries, in the language of the text. */
export const summaryTemplates = {
  fi: [
    (a: Topic, b: Topic, c: Topic) => `Hankkeessa kehitetään ${a.fi[3]} ja ${b.fi[3]} ${c.fi[2]}.`,
    (a: Topic, b: Topic) => `Tavoitteena on vahvistaa ${a.fi[1]} ja ${b.fi[1]} osaamista alueen yrityksissä.`,
    (a: Topic, b: Topic, c: Topic) => `Pilotit toteutetaan yhdessä toimijoiden kanssa, ja tulokset hyödyttävät ${a.fi[3]}, ${b.fi[3]} ja ${c.fi[3]}.`,
    (a: Topic) => `Lisäksi selvitetään ${a.fi[1]} uusia mahdollisuuksia.`,
  ],
  sv: [
    (a: Topic, b: Topic, c: Topic) => `Projektet utvecklar ${a.sv[0]} och ${b.sv[1]} inom ${c.sv[0]}.`,
    (a: Topic, b: Topic) => `Målet är att stärka kompetensen kring ${a.sv[1]} och ${b.sv[0]} i regionens företag.`,
    (a: Topic, b: Topic, c: Topic) => `Piloterna genomförs tillsammans med aktörerna och resultaten gagnar ${a.sv[0]}, ${b.sv[0]} och ${c.sv[1]}.`,
    (a: Topic) => `Dessutom utreds nya möjligheter för ${a.sv[1]}.`,
  ],
  en: [
    (a: Topic, b: Topic, c: Topic) => `The project develops ${a.en[0]} and ${b.en[1]} in ${c.en[0]}.`,
    (a: Topic, b: Topic) => `It aims to strengthen skills in ${a.en[0]} and ${b.en[1]} in the region's enterprises.`,
    (a: Topic, b: Topic, c: Topic) => `Pilots are carried out with the partners, and the results benefit ${a.en[1]}, ${b.en[0]} and ${c.en[0]}.`,
    (a: Topic) => `New opportunities for ${a.en[0]} are also explored.`,
  ],
} as const;

export const titleTemplates = {
  fi: [
    (a: Topic, b: Topic) => `${a.fi[1]} ${b.fi[0]}`,
    (a: Topic, b: Topic, c: Topic) => `${a.fi[1]} ${b.fi[0]} ${c.fi[2]}`,
    (a: Topic, b: Topic, c: Topic) => `${a.fi[0]} ja ${b.fi[0]} ${c.fi[2]}`,
    (a: Topic, b: Topic, c: Topic, d: Topic) => `${a.fi[1]} ja ${b.fi[1]} ${c.fi[0]} ${d.fi[2]}`,
  ],
  sv: [
    (a: Topic, b: Topic) => `${a.sv[0]} och ${b.sv[0]}`,
    (a: Topic, b: Topic, c: Topic) => `${a.sv[0]} och ${b.sv[0]} inom ${c.sv[0]}`,
  ],
  en: [
    (a: Topic, b: Topic) => `${a.en[0]} and ${b.en[1]}`,
    (a: Topic, b: Topic, c: Topic) => `${a.en[0]} and ${b.en[1]} in ${c.en[0]}`,
  ],
} as const;

/** Parts of the fictional organisations' names. */
export const places = [
  'Kuusirinne', 'Koivumäki', 'Honkalahti', 'Järvikylä', 'Pohjolanranta', 'Tunturivaara', 'Revontuli', 'Kalliosalmi', 'Lehtoniemi', 'Harjula',
  'Saarijärvi', 'Kivikoski', 'Vaaranpää', 'Lumikangas', 'Routakylä', 'Hirvilampi', 'Kuikkala', 'Metsäpelto', 'Ahvenjoki', 'Karhunkorpi',
  'Myllykoski', 'Suvanto', 'Rajala', 'Kotaniemi', 'Pihlajavaara', 'Kuohu', 'Selkä', 'Louhela', 'Tervakoski', 'Siikaranta',
  'Hietala', 'Kangasniemi', 'Ylämaa', 'Alavaara', 'Nuottasaari', 'Virtala', 'Kaislaranta', 'Paltamo-Kylä', 'Ruskala', 'Haukilahti',
];
export const orgKinds = [
  { suffix: 'kehitysyhtiö Oy', type: 'company' as const },
  { suffix: 'teknologiakeskus Oy', type: 'company' as const },
  { suffix: 'Energia Oy', type: 'company' as const },
  { suffix: 'Materiaalit Oy', type: 'company' as const },
  { suffix: 'Data Oy', type: 'company' as const },
  { suffix: 'ammattikorkeakoulu', type: 'university-of-applied-sciences' as const },
  { suffix: 'tutkimuslaitos', type: 'research-institute' as const },
  { suffix: 'yliopiston tutkimusyksikkö', type: 'university' as const },
  { suffix: 'kunta', type: 'municipality' as const },
  { suffix: 'kaupunki', type: 'municipality' as const },
  { suffix: 'kehittämisyhdistys ry', type: 'association' as const },
  { suffix: 'yrittäjät ry', type: 'association' as const },
  { suffix: 'osuuskunta', type: 'other' as const },
  { suffix: 'utvecklingsbolag Ab', type: 'company' as const },
];
