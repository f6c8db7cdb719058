import { scryptSync } from 'node:crypto';
import type { Db } from '..';
import * as s from '../schema';
import { drugstoreCategories, supermarketCategories } from './catalogue';
import { DEMO_PASSWORD, DEMO_STAFF, demoBoxToken, demoDeviceId } from './demo';
import { DEMO_HOUSEHOLDS } from './people';
import { DEMO_DRONE_PORT, DEMO_HAMLETS, DEMO_PLACES, DEMO_VEHICLES } from './places';
import { createHash } from 'node:crypto';
import { featureSeeds, type DemoSeed } from './features';

export * from './demo';
export type { DemoSeed } from './features';

let demoHash: string | undefined;
/** One scrypt hash of the demo password per process, with a fixed salt (demo data only). */
function demoPasswordHash(): string {
  if (!demoHash) {
    const salt = Buffer.from('engawa-demo-salt');
    const hash = scryptSync(DEMO_PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 });
    demoHash = `scrypt$16384$8$1$${salt.toString('base64url')}$${hash.toString('base64url')}`;
  }
  return demoHash;
}

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

/** Small deterministic offsets so homes spread around their hamlet. */
const jitter = (i: number, scale: number) => (((i * 7919) % 101) / 101 - 0.5) * scale;

export async function isSeeded(db: Db): Promise<boolean> {
  return (await db.select({ id: s.municipalities.id }).from(s.municipalities).limit(1).all()).length > 0;
}

/**
 * The demo data set. Deterministic: the same ids, names, tokens and logins every time, so docs
 * and tests can name them. `now` only stamps creation times. The whole demo, with the seeds of the
 * server's features, is `seedDemo` in `server/src/demo/seed-demo.ts`; this is its core.
 */
export async function seedDemoCore(db: Db, now: Date, serverSeeds: readonly DemoSeed[]): Promise<void> {
  await db.transaction(async (tx) => {
    const muni = await tx
      .insert(s.municipalities)
      .values({ name: '伊那市', code: '202096' })
      .returning()
      .get();
    const area = await tx
      .insert(s.areas)
      .values({ municipalityId: muni.id, name: '長谷・高遠地区' })
      .returning()
      .get();

    const hamletIds: number[] = [];
    for (const h of DEMO_HAMLETS) {
      const hamlet = await tx
        .insert(s.hamlets)
        .values({
          areaId: area.id,
          name: h.name,
          kana: h.kana,
          lat: h.lat,
          lon: h.lon,
          hallName: h.hall,
          hallLat: h.hallLat,
          hallLon: h.hallLon,
        })
        .returning()
        .get();
      hamletIds.push(hamlet.id);
    }

    const market = await tx
      .insert(s.sellers)
      .values({
        name: '高遠ふれあいマート',
        kind: 'supermarket',
        commissionBp: 1000,
        invoiceRegNo: 'T1234567890123',
        address: '伊那市高遠町西高遠1690',
      })
      .returning()
      .get();
    const drug = await tx
      .insert(s.sellers)
      .values({
        name: 'はせ薬局',
        kind: 'drugstore',
        commissionBp: 1000,
        invoiceRegNo: 'T9876543210987',
        address: '伊那市長谷溝口1380',
      })
      .returning()
      .get();
    let sort = 0;
    for (const [seller, cats] of [
      [market.id, supermarketCategories],
      [drug.id, drugstoreCategories],
    ] as const) {
      for (const cat of cats) {
        const c = await tx
          .insert(s.categories)
          .values({ sellerId: seller, name: cat.name, sort: sort++ })
          .returning()
          .get();
        await tx
          .insert(s.products)
          .values(
            cat.items.map(([name, priceYen, weightG]) => ({
              sellerId: seller,
              categoryId: c.id,
              name,
              priceYen,
              taxRate: cat.taxRate,
              weightG,
              maxPerOrder: priceYen >= 1000 ? 3 : 10,
            })),
          )
          .run();
      }
    }

    let box = 0;
    let homeIndex = 0;
    for (const h of DEMO_HOUSEHOLDS) {
      homeIndex++;
      const hamlet = DEMO_HAMLETS[h.hamlet]!;
      const hh = await tx
        .insert(s.households)
        .values({
          hamletId: hamletIds[h.hamlet]!,
          name: `${h.surname}家`,
          address: `伊那市長谷${hamlet.name}${100 + homeIndex * 7}`,
          lat: hamlet.lat + jitter(homeIndex, 0.006),
          lon: hamlet.lon + jitter(homeIndex + 3, 0.006),
          phone: `0265-98-${String(2000 + homeIndex * 13).padStart(4, '0')}`,
          cableCustomerNo: `ICTV${String(100000 + homeIndex * 17)}`,
          shopMemberSince: '2026-04-01',
          createdAt: now,
        })
        .returning()
        .get();
      box++;
      await tx
        .insert(s.setTopBoxes)
        .values({
          deviceId: demoDeviceId(box),
          tokenHash: sha256(demoBoxToken(box)),
          householdId: hh.id,
          createdAt: now,
        })
        .run();
      for (const [given, kana, birthDate, flags = []] of h.residents) {
        const r = await tx
          .insert(s.residents)
          .values({
            householdId: hh.id,
            name: `${h.surname} ${given}`,
            kana: `${h.kana} ${kana}`,
            birthDate,
            licenceReturned: flags.includes('licenceReturned'),
            disabled: flags.includes('disabled'),
            intractableDisease: flags.includes('intractableDisease'),
            unableToDrive: flags.includes('unableToDrive'),
            createdAt: now,
          })
          .returning()
          .get();
        for (const [i, [name, relation]] of h.family.entries()) {
          await tx
            .insert(s.familyContacts)
            .values({
              residentId: r.id,
              name,
              relation,
              email: `${h.romaji}.family${i + 1}.r${r.id}@example.jp`,
              // A made-up mobile number per contact, so the call centre and support workers can see one.
              phone: `090-0000-${String(r.id * 10 + i + 1).padStart(4, '0')}`,
              priority: i + 1,
              optInAt: now,
              createdAt: now,
            })
            .run();
        }
      }
    }

    const hash = demoPasswordHash();
    for (const st of DEMO_STAFF) {
      await tx
        .insert(s.staffUsers)
        .values({
          loginId: st.loginId,
          name: st.name,
          role: st.role,
          email: st.email,
          passwordHash: hash,
          hamletId: st.hamlet === undefined ? null : hamletIds[st.hamlet]!,
          sellerId: st.seller === 'supermarket' ? market.id : st.seller === 'drugstore' ? drug.id : null,
          createdAt: now,
        })
        .run();
    }

    const port = await tx.insert(s.dronePorts).values(DEMO_DRONE_PORT).returning().get();
    await tx
      .insert(s.drones)
      .values([
        {
          portId: port.id,
          name: 'はせ1号機',
          registrationMark: 'JU-HASE-0001',
          model: 'PD6B-Type3',
          payloadG: 5000,
          cruiseSpeedMps: 12,
          turnaroundMin: 20,
        },
        {
          portId: port.id,
          name: 'はせ2号機',
          registrationMark: 'JU-HASE-0002',
          model: 'PD6B-Type3',
          payloadG: 5000,
          cruiseSpeedMps: 12,
          turnaroundMin: 20,
        },
      ])
      .run();

    await tx
      .insert(s.vehicles)
      .values(DEMO_VEHICLES.map((v) => ({ ...v, areaId: area.id })))
      .run();
    await tx
      .insert(s.places)
      .values(DEMO_PLACES.map((p) => ({ ...p })))
      .run();

    for (const seed of [...featureSeeds, ...serverSeeds]) await seed(tx as unknown as Db, now);
  });
}
