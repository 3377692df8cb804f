import type { Db } from '../database.js';
import { helsinkiWallClock } from '../../domain/helsinki-time.js';
import type { NewsStatus } from '../schema-notifications.js';
import type { Locale } from '../../i18n/locales.js';
import type { NewsText } from '../../features/news/news.read.js';
import { insertNewsItem } from '../../features/news/news.repository.js';
import { helsinkiMorning } from './demo-calls.js';

/**
 * Fictional demo news, dated relative to `now`: an item in all three languages about the open demo
 * call, one in Finnish only for one council, one in Finnish and Swedish about the coming call, one
 * scheduled a week ahead and one draft. Every title says "(demo)" and every row is marked is_demo.
 * Seeding publishes nothing through the outbox: no subscriber or webhook hears of demo news.
 */

interface DemoNews {
  status: NewsStatus;
  /** Days from now: published that long ago (negative), or scheduled that far ahead. */
  days: number;
  texts: Partial<Record<Locale, NewsText>>;
  regions: string[];
  priorities: string[];
  /** The demo call's number in its year (DEMO-<year>-01), if the item concerns one. */
  call?: '01' | '02';
}

const demoNews: readonly DemoNews[] = [
  {
    status: 'published',
    days: -10,
    texts: {
      fi: {
        title: 'Puhtaiden ratkaisujen yhteishaku on avattu (demo)',
        summary: 'Seitsemän maakuntaliiton yhteinen haku ryhmähankkeille on avoinna. Tämä on kuvitteellinen esimerkkiuutinen.',
        body: 'Itä- ja Pohjois-Suomen maakuntaliittojen yhteinen haku puhtaiden ratkaisujen ryhmähankkeille on avattu.\n\nHankkeessa on oltava toteuttajia vähintään kolmesta maakunnasta. Lisätietoja saa haun sivulta.\n\nTämä uutinen on esimerkkitietoa, eikä siinä kuvattua hakua ole olemassa.',
      },
      sv: {
        title: 'Den gemensamma utlysningen för rena lösningar har öppnats (demo)',
        summary: 'De sju landskapsförbundens gemensamma utlysning för gruppprojekt är öppen. Det här är en fiktiv exempelnyhet.',
        body: 'Östra och Norra Finlands landskapsförbunds gemensamma utlysning för gruppprojekt inom rena lösningar har öppnats.\n\nProjektet ska ha genomförare från minst tre landskap. Mer information finns på utlysningens sida.\n\nDen här nyheten är exempeldata och utlysningen finns inte i verkligheten.',
      },
      en: {
        title: 'The joint call for clean solutions is open (demo)',
        summary: 'The seven regional councils’ joint call for group projects is open. This is a fictional sample item.',
        body: 'The joint call of the regional councils of East and North Finland for group projects in clean solutions is open.\n\nA project must have partners in at least three regions. See the call’s page for more.\n\nThis item is sample data; the call it describes does not exist.',
      },
    },
    regions: [],
    priorities: ['clean-solutions'],
    call: '01',
  },
  {
    status: 'published',
    days: -5,
    texts: {
      fi: {
        title: 'Kainuun liitto esittelee yhteishakua verkkotilaisuudessa (demo)',
        summary: 'Kuvitteellinen infotilaisuus hakijoille: miten ylimaakunnallinen ryhmähanke kootaan.',
        body: 'Kainuun liitto järjestää hakijoille verkkotilaisuuden, jossa käydään läpi yhteishaun ehdot ja ryhmähankkeen kokoaminen.\n\nTilaisuus on kuvitteellinen esimerkki, eikä siihen voi ilmoittautua.',
      },
    },
    regions: ['18'],
    priorities: [],
    call: '01',
  },
  {
    status: 'published',
    days: -2,
    texts: {
      fi: {
        title: 'Digitalisaation yhteishaku avautuu pian (demo)',
        summary: 'Etelä-Savo, Pohjois-Savo ja Pohjois-Karjala valmistelevat digitalisaatiota hyödyntävien palvelujen hakua.',
        body: 'Tuleva yhteishaku tukee ryhmähankkeita, jotka hyödyntävät digitalisaatiota palveluissa.\n\nHaun tiedot ovat kuvitteellisia esimerkkejä.',
      },
      sv: {
        title: 'Den gemensamma utlysningen för digitalisering öppnas snart (demo)',
        summary: 'Södra Savolax, Norra Savolax och Norra Karelen förbereder en utlysning för tjänster som utnyttjar digitaliseringen.',
        body: 'Den kommande gemensamma utlysningen stöder gruppprojekt som utnyttjar digitaliseringen i tjänster.\n\nUppgifterna om utlysningen är fiktiva exempel.',
      },
    },
    regions: ['10', '11', '12'],
    priorities: ['digitalisation'],
    call: '02',
  },
  {
    status: 'scheduled',
    days: 7,
    texts: {
      fi: {
        title: 'Strategian seurantaraportti julkaistaan (demo)',
        summary: 'Ajastettu esimerkkiuutinen, joka julkaistaan viikon kuluttua.',
        body: 'Seurantaraportti kertoo, miten strategian painopisteet ovat edenneet.\n\nTämä on kuvitteellinen esimerkki.',
      },
      en: {
        title: 'The strategy’s monitoring report is published (demo)',
        summary: 'A scheduled sample item, to be published in a week.',
        body: 'The monitoring report tells how the strategy’s priorities have advanced.\n\nThis is a fictional sample.',
      },
    },
    regions: [],
    priorities: ['sustainable-services'],
  },
  {
    status: 'draft',
    days: 0,
    texts: {
      fi: {
        title: 'Luonnos: asiantuntijaryhmän kokous (demo)',
        summary: 'Keskeneräinen esimerkkiuutinen, joka ei näy julkisesti.',
        body: 'Asiantuntijaryhmä kokoontuu käsittelemään tulevia hakuja.\n\nTämä luonnos on kuvitteellinen esimerkki.',
      },
    },
    regions: ['17', '19'],
    priorities: [],
  },
];

/** Adds the demo news unless they are there already. Returns how many items it added. */
export async function seedDemoNews(db: Db, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('news_items').select('id').where('is_demo', '=', 1).limit(1).executeTakeFirst();
    if (existing) return 0;
    const year = helsinkiWallClock(now).year;
    const calls = await trx.selectFrom('calls').select(['id', 'reference']).where('is_demo', '=', 1).execute();
    const priorities = await trx
      .selectFrom('priorities')
      .innerJoin('strategies', 'strategies.id', 'priorities.strategy_id')
      .select(['priorities.id', 'priorities.slug'])
      .where('strategies.slug', '=', 'ita-ja-pohjois-suomi-2024')
      .execute();
    for (const item of demoNews) {
      const at = helsinkiMorning(now, item.days);
      const callId = item.call ? (calls.find((c) => c.reference === `DEMO-${year}-${item.call}`)?.id ?? null) : null;
      const priorityIds = item.priorities.flatMap((slug) => priorities.filter((p) => p.slug === slug).map((p) => p.id));
      await insertNewsItem(
        trx,
        { texts: item.texts, regionCodes: item.regions, priorityIds, callId },
        {
          status: item.status,
          publishAt: item.status === 'scheduled' ? at : null,
          publishedAt: item.status === 'published' ? at : null,
          isDemo: true,
        },
        { userId: null, at: item.status === 'published' ? at : now.toISOString() },
      );
    }
    return demoNews.length;
  });
}
