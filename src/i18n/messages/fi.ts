/**
 * The Finnish catalogue defines the shape of every catalogue: sv.ts and en.ts are typed as
 * Messages, so a key missing or extra in either fails the build.
 */
export const fi = {
  site: {
    name: 'Itä- ja Pohjois-Suomen älykäs erikoistuminen',
    shortName: 'S3 Itä- ja Pohjois-Suomi',
    tagline: 'Seitsemän maakunnan yhteinen älykkään erikoistumisen strategia',
    skipToContent: 'Siirry sisältöön',
    mainNavigation: 'Päävalikko',
    languageSwitch: 'Kieli',
    languageSwitchLabel: (language: string) => `Vaihda kieleksi ${language}`,
    footerNavigation: 'Alatunnisteen linkit',
    footerText:
      'Etelä-Savon, Pohjois-Savon, Pohjois-Karjalan, Keski-Pohjanmaan, Pohjois-Pohjanmaan, Kainuun ja Lapin maakuntaliittojen yhteinen palvelu.',
    openData: 'Avoin rajapinta (API)',
    demoBadge: 'Esimerkkitieto',
    breadcrumb: 'Murupolku',
  },
  nav: {
    home: 'Etusivu',
    strategy: 'Strategia',
    regions: 'Maakunnat',
    expertGroup: 'Asiantuntijaryhmä',
    accessibility: 'Saavutettavuusseloste',
  },
  home: {
    title: 'Itä- ja Pohjois-Suomen älykäs erikoistuminen',
    lead: 'Seitsemän maakuntaliittoa toteuttaa yhteistä älykkään erikoistumisen strategiaa: yhteiset painopisteet, yhteiset rahoitushaut ja avoin seuranta.',
    aboutHeading: 'Tietoa yhteistyöstä',
    about: [
      'Etelä-Savo, Pohjois-Savo, Pohjois-Karjala, Keski-Pohjanmaa, Pohjois-Pohjanmaa, Kainuu ja Lappi muodostavat yhdessä Itä- ja Pohjois-Suomen suuralueen (NUTS 2 FI1D). Maakuntien yhteinen älykkään erikoistumisen strategia on ollut voimassa 1.1.2024 alkaen.',
      'Strategia valmisteltiin maakuntien asiantuntijoiden työryhmässä ELMO II -hankkeessa (Älykäs erikoistuminen Itä- ja Pohjois-Suomessa 2022–2027), jota Pohjois-Savon liitto rahoitti Euroopan aluekehitysrahastosta. Yhteistyön koordinointi on sittemmin osa maakuntaliittojen tavallista työtä.',
    ],
    chairHeading: (year: number) => `Puheenjohtajamaakunta ${year}`,
    chairCoordinates: (council: string) => `Yhteistyötä koordinoi ${council}.`,
    chairNext: (region: string, date: string) => `Seuraava puheenjohtajamaakunta on ${region} ${date} alkaen.`,
    chairNone: 'Puheenjohtajavuoroja ei ole vielä määritetty.',
    prioritiesHeading: 'Yhteiset painopisteet',
    callsHeading: 'Rahoitushaut',
    callsText:
      'Maakuntaliitot avaavat painopisteille yhteisiä, maakuntien rajat ylittäviä rahoitushakuja. Haut julkaistaan tällä sivustolla ja kunkin liiton omissa kanavissa.',
    callsNone: 'Avoimia hakuja ei ole juuri nyt.',
    newsHeading: 'Ajankohtaista',
    newsText: 'Uutiset yhteisistä hauista ja strategian toteutuksesta kootaan tänne ja jaetaan jokaisen maakuntaliiton kanaviin.',
    readStrategy: 'Lue strategia',
    seeRegions: 'Maakunnat ja niiden kasvualat',
    meetExpertGroup: 'Asiantuntijaryhmän yhteystiedot',
  },
  strategy: {
    title: 'Strategia',
    inForce: 'Voimassa',
    validity: (from: string, to: string | null) => (to ? `Voimassa ${from}–${to}` : `Voimassa ${from} alkaen`),
    earlierVersions: 'Aiemmat strategiat',
    earlierVersion: 'Aiempi strategia – ei enää voimassa',
    priorities: 'Painopisteet',
    relatedSectors: 'Maakuntien kasvualat, jotka liittyvät painopisteeseen',
    noRelatedSectors: 'Painopisteeseen ei ole liitetty maakuntien kasvualoja.',
    backToCurrent: 'Voimassa oleva strategia',
    none: 'Voimassa olevaa strategiaa ei ole julkaistu.',
  },
  regions: {
    title: 'Maakunnat',
    lead: 'Seitsemän maakuntaa, joiden liitot toteuttavat strategiaa yhdessä. Jokaisella maakunnalla on omat kasvualansa, jotka liittyvät yhteisiin painopisteisiin.',
    code: 'Maakuntakoodi',
    nuts3: 'NUTS 3 -koodi',
    council: 'Maakuntaliitto',
    website: 'Verkkosivusto',
    growthSectors: 'Kasvualat',
    noGrowthSectors: 'Maakunnan kasvualoja ei ole vielä kirjattu.',
    linkedPriorities: 'Painopisteet',
    chairThisYear: 'Tämän vuoden puheenjohtajamaakunta',
    expertGroupMembers: 'Asiantuntijaryhmän jäsenet',
  },
  expertGroup: {
    title: 'Asiantuntijaryhmä',
    lead: 'Maakuntaliittojen edustajista koostuva asiantuntijaryhmä toteuttaa ja seuraa strategiaa. Voit ottaa yhteyttä oman maakuntasi edustajaan.',
    demoNotice:
      'Tällä sivulla on esimerkkihenkilöitä, jotka eivät ole todellisia. Oikeat yhteystiedot julkaistaan, kun maakuntaliitot ovat nimenneet edustajansa.',
    email: 'Sähköposti',
    phone: 'Puhelin',
    noMembers: 'Maakunnalla ei ole vielä nimettyä edustajaa.',
  },
  accessibility: {
    title: 'Saavutettavuusseloste',
    intro:
      'Tämä saavutettavuusseloste koskee Itä- ja Pohjois-Suomen älykkään erikoistumisen palvelua. Digitaalisten palvelujen tarjoamisesta annettu laki (306/2019) edellyttää, että julkiset verkkopalvelut ovat saavutettavia.',
    statusHeading: 'Palvelun saavutettavuuden tila',
    status:
      'Palvelu on suunniteltu täyttämään WCAG 2.1 -ohjeiden AA-tason vaatimukset (standardi EN 301 549). Jokainen julkinen sivu tarkistetaan automaattisesti axe-core-työkalulla kaikilla kolmella kielellä aina ennen muutosten käyttöönottoa.',
    knownIssuesHeading: 'Tunnetut puutteet',
    knownIssues: [
      'Manuaalista arviointia ruudunlukijoilla ei ole vielä tehty koko palvelulle. Automaattinen tarkistus ei havaitse kaikkia ongelmia.',
      'Hakemusten liitteinä toimitettavien PDF-tiedostojen saavutettavuudesta vastaa niiden laatija.',
    ],
    preparedHeading: 'Selosteen laatiminen',
    prepared: (date: string) => `Seloste on laadittu ${date}. Arvio perustuu itsearviointiin ja automaattiseen testaukseen.`,
    feedbackHeading: 'Palaute ja yhteystiedot',
    feedbackIntro:
      'Huomasitko saavutettavuuspuutteen? Kerro siitä meille alla olevalla lomakkeella. Vastaamme 14 päivän kuluessa, jos annat yhteystietosi.',
    supervisionHeading: 'Valvontaviranomainen',
    supervision:
      'Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon aikana, voit tehdä ilmoituksen saavutettavuusvaatimusten valvontaviranomaiselle. Ohjeet löytyvät osoitteesta saavutettavuusvaatimukset.fi.',
    supervisionLink: 'Saavutettavuusvaatimukset.fi: näin teet ilmoituksen',
  },
  feedback: {
    legend: 'Saavutettavuuspalaute',
    message: 'Palaute',
    messageHint: 'Kerro, millä sivulla ongelma oli ja mitä yritit tehdä.',
    pageUrl: 'Sivun osoite (vapaaehtoinen)',
    name: 'Nimi (vapaaehtoinen)',
    email: 'Sähköposti (vapaaehtoinen)',
    emailHint: 'Tarvitsemme osoitteen vain, jos haluat vastauksen.',
    submit: 'Lähetä palaute',
    thanksTitle: 'Kiitos palautteestasi',
    thanksText: (reference: string) => `Palautteesi on tallennettu tunnuksella ${reference}.`,
    thanksReply: 'Vastaamme antamaasi sähköpostiosoitteeseen 14 päivän kuluessa.',
    thanksNoReply: 'Et antanut sähköpostiosoitetta, joten emme voi vastata sinulle suoraan.',
    back: 'Takaisin saavutettavuusselosteeseen',
  },
  errors: {
    summaryTitle: 'Korjaa seuraavat kohdat',
    required: (field: string) => `Kirjoita ${field.toLowerCase()}.`,
    tooLong: (field: string, max: number) => `${field} voi olla enintään ${max} merkkiä pitkä.`,
    invalidEmail: 'Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.',
    invalidUrl: 'Kirjoita osoite muodossa https://esimerkki.fi/sivu.',
    notFoundTitle: 'Sivua ei löytynyt',
    notFoundText: 'Etsimääsi sivua ei ole olemassa, tai se on siirretty. Tarkista osoite tai siirry etusivulle.',
    badRequestTitle: 'Pyyntöä ei voitu käsitellä',
    badRequestText: 'Pyynnössä oli virheellisiä tietoja.',
    serverErrorTitle: 'Palvelussa tapahtui virhe',
    serverErrorText: 'Emme pystyneet käsittelemään pyyntöäsi. Virhe on kirjattu. Yritä hetken kuluttua uudelleen.',
    unavailableTitle: 'Palvelu ei ole käytettävissä',
    unavailableText: 'Palvelu on tilapäisesti poissa käytöstä. Yritä hetken kuluttua uudelleen.',
    requestId: (id: string) => `Virheen tunniste: ${id}`,
    goHome: 'Siirry etusivulle',
  },
  apiDocs: {
    title: 'Avoin rajapinta',
    lead: 'Strategian, maakuntien ja asiantuntijaryhmän tiedot ovat vapaasti käytettävissä JSON-muodossa. Rajapinta kuvataan OpenAPI 3.1 -dokumentissa.',
    openApiLink: 'OpenAPI-dokumentti (JSON)',
    endpoints: 'Rajapinnan osoitteet',
    parameters: 'Parametrit',
    responses: 'Vastaukset',
    parameterName: 'Nimi',
    parameterIn: 'Sijainti',
    parameterDescription: 'Kuvaus',
    status: 'Tila',
    errorsHeading: 'Virheet',
    errorsText:
      'Virheet palautetaan RFC 9457 -muotoisina (application/problem+json). Kentässä code on pysyvä virhekoodi, johon sovellukset voivat luottaa.',
    errorCode: 'Koodi',
    errorStatus: 'HTTP-tila',
  },
} ;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends readonly string[]
      ? readonly string[]
      : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof fi>;
