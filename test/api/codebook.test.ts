import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Theme } from '../../api/contract/index.ts';
import { createTagRepository } from '../../api/src/tagging/repository.ts';
import { seedStarterCodebook, starterThemeId } from '../../api/src/themes/seed.ts';
import { STARTER_CODEBOOK } from '../../api/src/themes/starterCodebook.ts';
import { createUserRepository } from '../../api/src/users/repository.ts';
import { hashPassword } from '../../api/src/users/service.ts';
import { buildSubmission, newKey } from '../support/builders.ts';
import { uniquePhrase } from '../support/markers.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

type Session = { cookie: string; csrf: string };
const PASSWORD = 'codebook passphrase for the tests';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fixture = (name: string) => readFileSync(new URL(`../fixtures/codebook/${name}`, import.meta.url), 'utf8');

/** A test app with a facilitator and a staff member signed in. */
async function appWithUsers(): Promise<{ t: TestApp; facilitator: Session; staff: Session }> {
  const t = await createTestApp();
  const users = createUserRepository(t.connection);
  const hash = await hashPassword(PASSWORD);
  await users.create({ email: 'fac@vgregion.se', displayName: 'Fac', roles: ['facilitator'], passwordHash: hash }, new Date());
  await users.create({ email: 'staff@vgregion.se', displayName: 'Staff', roles: ['staff'], passwordHash: hash }, new Date());
  const signIn = async (email: string) => {
    const res = await request(t.app).post('/api/v1/session').send({ email, password: PASSWORD });
    return { cookie: String(res.headers['set-cookie']?.[0]).split(';')[0] ?? '', csrf: String(res.body.csrfToken) };
  };
  return { t, facilitator: await signIn('fac@vgregion.se'), staff: await signIn('staff@vgregion.se') };
}

const as = (who: Session) => ({ Cookie: who.cookie, 'X-CSRF-Token': who.csrf });

let t: TestApp;
let facilitator: Session;
let staff: Session;
const opened: TestApp[] = [];

beforeAll(async () => {
  ({ t, facilitator, staff } = await appWithUsers());
  opened.push(t);
});
afterAll(async () => {
  for (const app of opened) await app.close();
});

const themesOf = async (app: TestApp, who: Session, status = 'all'): Promise<Theme[]> => {
  const res = await request(app.app).get(`/api/v1/themes?status=${status}`).set(as(who));
  expect(res.status).toBe(200);
  return res.body;
};
const createTheme = (body: object, app = t, who = facilitator) => request(app.app).post('/api/v1/themes').set(as(who)).send(body);
const patchTheme = (id: string, body: object) => request(t.app).patch(`/api/v1/themes/${id}`).set(as(facilitator)).send(body);
const mergeTheme = (id: string, into: string) => request(t.app).post(`/api/v1/themes/${id}/merge`).set(as(facilitator)).send({ into });
const importFile = (app: TestApp, who: Session, type: string, body: string) =>
  request(app.app).post('/api/v1/codebook/import').set(as(who)).set('Content-Type', type).send(body);
const auditOf = (app: TestApp, filter: object) => app.connection.db!.collection('auditEvents').find(filter).toArray();

function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe('the starter codebook', () => {
  it('is seeded once, however often and however concurrently the seed runs', async () => {
    const fresh = await createTestApp();
    opened.push(fresh);
    const counts = await Promise.all([seedStarterCodebook(fresh.connection), seedStarterCodebook(fresh.connection), seedStarterCodebook(fresh.connection)]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(STARTER_CODEBOOK.length);
    expect(await seedStarterCodebook(fresh.connection)).toBe(0);
    const stored = await fresh.connection.db!.collection('themes').find({}).toArray();
    expect(stored).toHaveLength(STARTER_CODEBOOK.length);
    expect(new Set(stored.map((theme) => theme['_id'])).size).toBe(STARTER_CODEBOOK.length);
  });

  it('finishes a seed that stopped halfway at the next start', async () => {
    const fresh = await createTestApp();
    opened.push(fresh);
    const themes = fresh.connection.db!.collection<{ _id: string }>('themes');
    expect(await seedStarterCodebook(fresh.connection)).toBe(STARTER_CODEBOOK.length);
    const half = STARTER_CODEBOOK.slice(Math.floor(STARTER_CODEBOOK.length / 2)).map((starter) => starterThemeId(starter.key));
    // As if the first start had crashed after inserting the first half.
    await themes.deleteMany({ _id: { $in: half } });
    expect(await seedStarterCodebook(fresh.connection)).toBe(half.length);
    expect(await themes.countDocuments({})).toBe(STARTER_CODEBOOK.length);
  });

  it('has the three branches, at most three levels, Swedish and English labels, and keywords in all ten form languages', async () => {
    expect(await seedStarterCodebook(t.connection)).toBe(STARTER_CODEBOOK.length);
    const themes = await themesOf(t, staff);
    const roots = themes.filter((theme) => theme.parentId === undefined).map((theme) => theme.labels.en);
    expect(roots.sort()).toEqual(['New care information environment', 'Patient experience', 'Patient scenarios (care journeys)']);
    expect(Math.max(...themes.map((theme) => theme.depth))).toBe(3);
    const byId = new Map(themes.map((theme) => [theme.id, theme]));
    const childrenOf = (label: string) => {
      const parent = themes.find((theme) => theme.labels.en === label)!;
      return themes.filter((theme) => theme.parentId === parent.id).map((theme) => theme.labels.en);
    };
    expect(childrenOf('Patient experience')).toHaveLength(7);
    expect(childrenOf('New care information environment')).toEqual(
      expect.arrayContaining(['1177 and digital services', 'Medication and prescriptions', 'Test results', 'Referrals', 'Relatives’ access and proxy', 'Language and interpreting', 'Accessibility', 'Staff attention during and after go-live', 'Disruption at go-live']),
    );
    expect(childrenOf('1177 and digital services').sort()).toEqual(['Booking online', 'E-ID sign-in (BankID)', 'Journal online', 'Messages']);
    expect(childrenOf('Patient scenarios (care journeys)').length).toBeGreaterThanOrEqual(5);
    const colours = new Set<string>();
    for (const theme of themes) {
      expect(theme.depth).toBe(theme.parentId === undefined ? 1 : byId.get(theme.parentId)!.depth + 1);
      expect(theme.labels.sv.trim(), theme.id).not.toBe('');
      expect(theme.labels.en.trim(), theme.id).not.toBe('');
      expect(theme.descriptions.sv, theme.labels.en).toMatch(/\.$/);
      expect(theme.descriptions.en, theme.labels.en).toMatch(/\.$/);
      expect(contrastWithWhite(theme.colour), theme.colour).toBeGreaterThanOrEqual(4.5);
      colours.add(theme.colour);
      const isLeaf = !themes.some((other) => other.parentId === theme.id);
      if (!isLeaf) continue;
      for (const locale of LOCALES) {
        const keywords = theme.keywords[locale] ?? [];
        expect(keywords.length, `${theme.labels.en} ${locale}`).toBeGreaterThanOrEqual(12);
        expect(keywords.length, `${theme.labels.en} ${locale}`).toBeLessThanOrEqual(25);
      }
      // Tigrinya in Ge'ez script, Arabic script for ar/fa/prs, Cyrillic for Ukrainian.
      expect(theme.keywords.ti!.some((word) => /[\u1200-\u137f]/.test(word)), theme.labels.en).toBe(true);
      expect(theme.keywords.fa!.some((word) => /[\u0600-\u06ff]/.test(word)), theme.labels.en).toBe(true);
      expect(theme.keywords.uk!.some((word) => /[\u0400-\u04ff]/.test(word)), theme.labels.en).toBe(true);
    }
    expect(colours.size).toBe(themes.length);
    expect(byId.get(starterThemeId('waiting'))?.labels).toEqual({ sv: 'Väntan', en: 'Waiting' });
  });
});

describe('editing the codebook', () => {
  it('lets staff read and export but not change the codebook', async () => {
    expect((await request(t.app).get('/api/v1/codebook.csv').set(as(staff))).status).toBe(200);
    expect((await request(t.app).get('/api/v1/codebook.qdc').set(as(staff))).status).toBe(200);
    const waiting = starterThemeId('waiting');
    expect((await createTheme({ labels: { sv: 'Personalens ton', en: 'Staff tone' } }, t, staff)).status).toBe(403);
    expect((await request(t.app).patch(`/api/v1/themes/${waiting}`).set(as(staff)).send({ colour: '#000000' })).status).toBe(403);
    expect((await request(t.app).post(`/api/v1/themes/${waiting}/merge`).set(as(staff)).send({ into: starterThemeId('safety') })).status).toBe(403);
    expect((await importFile(t, staff, 'text/csv', 'id,label_sv,label_en\n,Ny,New\n')).status).toBe(403);
    expect((await request(t.app).get('/api/v1/themes')).status).toBe(401);
  });

  it('creates, renames, moves, archives and restores a theme, keeping each change in its history and the audit log', async () => {
    const created = await createTheme({ parentId: starterThemeId('patient-experience'), labels: { sv: 'Parkering', en: 'Parking' }, keywords: { sv: [' parkering ', 'p-plats', 'Parkering'] } });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(id).toMatch(UUID);
    expect(created.body).toMatchObject({ depth: 2, status: 'active', keywords: { sv: ['parkering', 'p-plats'] }, usage: { stories: 0, excerpts: 0 } });
    expect(created.body.colour).toMatch(/^#[0-9a-f]{6}$/);

    const renamed = await patchTheme(id, { labels: { sv: 'Parkering och hitta fram' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.labels).toEqual({ sv: 'Parkering och hitta fram', en: 'Parking' });
    const moved = await patchTheme(id, { parentId: starterThemeId('accessibility'), colour: '#1A2B3C', descriptions: { sv: 'Att hitta till mottagningen.' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: starterThemeId('accessibility'), depth: 3, colour: '#1a2b3c', descriptions: { sv: 'Att hitta till mottagningen.' } });
    const top = await patchTheme(id, { parentId: null });
    expect(top.body.depth).toBe(1);
    expect(top.body.parentId).toBeUndefined();
    const archived = await patchTheme(id, { status: 'archived' });
    expect(archived.body.status).toBe('archived');
    expect((await themesOf(t, facilitator, 'active')).some((theme) => theme.id === id)).toBe(false);
    expect((await themesOf(t, facilitator, 'archived')).map((theme) => theme.id)).toEqual([id]);
    const restored = await patchTheme(id, { status: 'active' });
    expect(restored.body.status).toBe('active');

    const history = restored.body.history as Theme['history'];
    expect(history.map((entry) => entry.action)).toEqual(['created', 'renamed', 'edited', 'moved', 'moved', 'archived', 'restored']);
    expect(history[1]!.detail).toEqual({ svFrom: 'Parkering', svTo: 'Parkering och hitta fram' });
    expect(history[2]!.detail).toEqual({ fields: 'descriptions,colour' });
    expect(history[3]!.detail).toEqual({ from: starterThemeId('patient-experience'), to: starterThemeId('accessibility') });
    expect(history[4]!.detail).toEqual({ from: starterThemeId('accessibility'), to: '' });
    expect(history.every((entry) => typeof entry.actorId === 'string' && !Number.isNaN(Date.parse(entry.at)))).toBe(true);

    const events = await auditOf(t, { targetType: 'theme', targetId: id });
    expect(events.map((event) => event['action'])).toEqual(['theme.created', 'theme.updated', 'theme.updated', 'theme.updated', 'theme.archived', 'theme.restored']);
    expect(events[2]!['detail']).toEqual({ fields: 'descriptions,colour,parentId' });
    // Ids and field names only.
    expect(JSON.stringify(events)).not.toContain('Parkering');
  });

  it('refuses a theme deeper than three levels, an unknown or archived parent, a cycle and a sibling with the same Swedish label', async () => {
    const leaf = starterThemeId('journal-online');
    const deep = await createTheme({ parentId: leaf, labels: { sv: 'För djup', en: 'Too deep' } });
    expect(deep.status).toBe(400);
    expect(deep.body.error.fields).toEqual({ parentId: 'theme.parentId.tooDeep' });
    const unknown = await createTheme({ parentId: 'no-such-theme', labels: { sv: 'Okänd', en: 'Unknown' } });
    expect(unknown.body.error.fields).toEqual({ parentId: 'theme.parentId.unknown' });
    const old = await createTheme({ labels: { sv: 'Gammalt tema', en: 'Old theme' } });
    await patchTheme(old.body.id, { status: 'archived' }).expect(200);
    const underArchived = await createTheme({ parentId: old.body.id, labels: { sv: 'Under arkiverat', en: 'Under archived' } });
    expect(underArchived.status).toBe(400);
    expect(underArchived.body.error.fields).toEqual({ parentId: 'theme.parentId.archived' });

    const cycle = await patchTheme(starterThemeId('digital-services-1177'), { parentId: starterThemeId('messages') });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.fields).toEqual({ parentId: 'theme.parentId.cycle' });
    expect((await patchTheme(starterThemeId('messages'), { parentId: starterThemeId('messages') })).body.error.fields).toEqual({ parentId: 'theme.parentId.cycle' });
    // 1177 has sub-themes: under a level-2 theme they would land on level 4.
    const tooDeep = await patchTheme(starterThemeId('digital-services-1177'), { parentId: starterThemeId('referrals') });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.fields).toEqual({ parentId: 'theme.parentId.tooDeep' });
    const hasChildren = await patchTheme(starterThemeId('digital-services-1177'), { status: 'archived' });
    expect(hasChildren.status).toBe(409);
    expect(hasChildren.body.error.fields).toEqual({ status: 'theme.status.hasActiveChildren' });

    const twin = await createTheme({ parentId: starterThemeId('patient-experience'), labels: { sv: '  väntan ', en: 'Waiting again' } });
    expect(twin.status).toBe(409);
    expect(twin.body.error.fields).toEqual({ 'labels.sv': 'theme.label.duplicate' });
    const renameClash = await patchTheme(starterThemeId('safety'), { labels: { sv: 'VÄNTAN' } });
    expect(renameClash.status).toBe(409);
    // The same label elsewhere in the tree is fine.
    expect((await createTheme({ parentId: starterThemeId('patient-scenarios'), labels: { sv: 'Väntan', en: 'Waiting' } })).status).toBe(201);
    const semicolon = await createTheme({ labels: { sv: 'Semikolon', en: 'Semicolon' }, keywords: { sv: ['a;b'] } });
    expect(semicolon.status).toBe(400);
    expect(semicolon.body.error.fields).toEqual({ 'keywords.sv': 'theme.keywords.invalid' });
    expect((await patchTheme('no-such-theme', { colour: '#000000' })).status).toBe(404);
  });
});

describe('merging themes', () => {
  it('moves every tag to the surviving theme, keeps one tag where a story had both, and keeps the counts right', async () => {
    const source = (await createTheme({ parentId: starterThemeId('patient-experience'), labels: { sv: 'Telefonkö', en: 'Phone queue' } })).body;
    const sourceChild = (await createTheme({ parentId: source.id, labels: { sv: 'Återuppringning', en: 'Call back' } })).body;
    const survivor = starterThemeId('access-and-booking');
    const stories: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await request(t.app).post('/api/v1/submissions').set('Idempotency-Key', newKey()).send(buildSubmission({ story: { whatHappened: uniquePhrase('Telefonkön var lång') } }));
      expect(res.status).toBe(201);
      stories.push(res.body.id);
    }
    const tags = createTagRepository(t.connection);
    const now = new Date();
    await tags.add({ storyId: stories[0]!, themeId: source.id, kind: 'story' }, now);
    await tags.add({ storyId: stories[0]!, themeId: source.id, kind: 'excerpt', field: 'whatHappened', start: 0, end: 9 }, now);
    await tags.add({ storyId: stories[1]!, themeId: source.id, kind: 'story' }, now);
    await tags.add({ storyId: stories[1]!, themeId: survivor, kind: 'story' }, now);
    await tags.add({ storyId: stories[2]!, themeId: survivor, kind: 'story' }, now);
    const usageOf = async (id: string) => (await themesOf(t, staff)).find((theme) => theme.id === id)!.usage;
    expect(await usageOf(source.id)).toEqual({ stories: 2, excerpts: 1 });
    expect(await usageOf(survivor)).toEqual({ stories: 2, excerpts: 0 });

    expect((await mergeTheme(source.id, source.id)).body.error.fields).toEqual({ into: 'theme.into.self' });
    expect((await mergeTheme(source.id, sourceChild.id)).body.error.fields).toEqual({ into: 'theme.into.descendant' });
    const archived = (await createTheme({ labels: { sv: 'Arkiverat mål', en: 'Archived target' } })).body;
    await patchTheme(archived.id, { status: 'archived' }).expect(200);
    const intoArchived = await mergeTheme(source.id, archived.id);
    expect(intoArchived.status).toBe(400);
    expect(intoArchived.body.error.fields).toEqual({ into: 'theme.into.archived' });
    // The survivor of a merge into a level-3 theme would get sub-themes on level 4.
    const tooDeep = await mergeTheme(source.id, starterThemeId('messages'));
    expect(tooDeep.status).toBe(409);
    expect(tooDeep.body.error.fields).toEqual({ into: 'theme.into.tooDeep' });
    expect((await mergeTheme(source.id, 'no-such-theme')).body.error.fields).toEqual({ into: 'theme.into.unknown' });

    const merged = await mergeTheme(source.id, survivor);
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(survivor);
    expect(merged.body.usage).toEqual({ stories: 3, excerpts: 1 });
    expect(merged.body.history.at(-1)).toMatchObject({ action: 'merged_from', detail: { from: source.id } });
    expect(await usageOf(source.id)).toEqual({ stories: 0, excerpts: 0 });
    const after = await themesOf(t, facilitator);
    const gone = after.find((theme) => theme.id === source.id)!;
    expect(gone).toMatchObject({ status: 'archived', mergedInto: survivor });
    expect(gone.history.at(-1)).toMatchObject({ action: 'merged_into', detail: { into: survivor } });
    expect(after.find((theme) => theme.id === sourceChild.id)).toMatchObject({ parentId: survivor, depth: 3 });

    for (const storyId of stories) {
      const storyTags = await tags.listForStory(storyId);
      expect(storyTags.every((tag) => tag.themeId === survivor)).toBe(true);
      expect(storyTags.filter((tag) => tag.kind === 'story')).toHaveLength(1);
      const story = await t.connection.db!.collection('submissions').findOne({ _id: storyId as never });
      expect(story?.['themes']).toEqual([survivor]);
    }
    expect((await tags.listForStory(stories[0]!)).find((tag) => tag.kind === 'excerpt')).toMatchObject({ themeId: survivor, start: 0, end: 9 });

    const again = await mergeTheme(source.id, starterThemeId('waiting'));
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual({ into: 'theme.into.alreadyMerged' });
    expect((await patchTheme(source.id, { status: 'active' })).body.error.fields).toEqual({ status: 'theme.status.merged' });

    const events = await auditOf(t, { action: 'theme.merged', targetId: source.id });
    expect(events).toHaveLength(1);
    expect(events[0]!['detail']).toEqual({ into: survivor, tagsMoved: 2, duplicateTagsDropped: 1, subThemesMoved: 1 });
    expect(JSON.stringify(events)).not.toContain('Telefonkön');
  });
});

describe('CSV import and export', () => {
  it('round-trips: export, import into an empty codebook, export again gives the same file; a second import changes nothing', async () => {
    const formula = await createTheme({ labels: { sv: '=HYPERLINK("http://evil.example")', en: '+cmd|calc' }, descriptions: { sv: "'citerad", en: '-minus' } });
    expect(formula.status).toBe(201);
    const exported = await request(t.app).get('/api/v1/codebook.csv').set(as(facilitator));
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const csv = exported.text;
    const rows: string[][] = parseCsv(csv, { bom: true });
    expect(rows[0]).toEqual(['id', 'parent_id', 'label_sv', 'label_en', 'description_sv', 'description_en', 'colour', 'status', ...LOCALES.map((locale) => `keywords_${locale}`)]);
    const all = await themesOf(t, facilitator);
    expect(rows).toHaveLength(all.length + 1);
    const formulaRow = rows.find((row) => row[0] === formula.body.id)!;
    expect(formulaRow.slice(2, 6)).toEqual(["'=HYPERLINK(\"http://evil.example\")", "'+cmd|calc", "''citerad", "'-minus"]);
    // Parents come before their children.
    const seen = new Set<string>();
    for (const row of rows.slice(1)) {
      if (row[1] !== '') expect(seen.has(row[1]!)).toBe(true);
      seen.add(row[0]!);
    }
    expect(rows.find((row) => row[0] === starterThemeId('waiting'))![8]).toContain('vänta; väntetid');

    const other = await appWithUsers();
    opened.push(other.t);
    const imported = await importFile(other.t, other.facilitator, 'text/csv; charset=utf-8', csv);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ created: all.length, updated: 0, unchanged: 0 });
    const copy = await themesOf(other.t, other.facilitator);
    expect(copy.find((theme) => theme.id === formula.body.id)!.labels).toEqual({ sv: '=HYPERLINK("http://evil.example")', en: '+cmd|calc' });
    expect(copy.find((theme) => theme.id === formula.body.id)!.descriptions).toEqual({ sv: "'citerad", en: '-minus' });
    const reexported = await request(other.t.app).get('/api/v1/codebook.csv').set(as(other.facilitator));
    expect(reexported.text).toBe(csv);
    expect((await importFile(other.t, other.facilitator, 'text/csv', csv)).body).toEqual({ created: 0, updated: 0, unchanged: all.length });

    const audit = await auditOf(other.t, { action: { $in: ['codebook.imported', 'codebook.exported'] } });
    expect(audit.map((event) => event['action'])).toEqual(['codebook.imported', 'codebook.exported', 'codebook.imported']);
    expect(audit[0]!['detail']).toEqual({ format: 'csv', created: all.length, updated: 0, unchanged: 0 });
  });

  it('updates the labels an edited file changes, creates new rows (with ids local to the file), and never deletes', async () => {
    const csv = (await request(t.app).get('/api/v1/codebook.csv').set(as(facilitator))).text;
    const rows: string[][] = parseCsv(csv, { bom: true });
    const waiting = rows.findIndex((row) => row[0] === starterThemeId('waiting'));
    rows[waiting]![3] = 'Waiting times';
    rows[waiting]![8] = 'vänta; kö; väntelista';
    const kept = rows.filter((_row, index) => index === 0 || index === waiting);
    kept.push(['new-parent', '', 'Nytt område', 'New area', '', '', '', '', ...LOCALES.map(() => '')]);
    kept.push(['new-child', 'new-parent', 'Ny underkod', 'New sub-code', '', '', '#00AA00', 'active', ...LOCALES.map((locale) => (locale === 'sv' ? 'ny; kod' : ''))]);
    const before = (await themesOf(t, facilitator)).length;
    const res = await importFile(t, facilitator, 'text/csv', stringifyCsv(kept));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 2, updated: 1, unchanged: 0 });
    const after = await themesOf(t, facilitator);
    expect(after).toHaveLength(before + 2);
    const updated = after.find((theme) => theme.id === starterThemeId('waiting'))!;
    expect(updated.labels).toEqual({ sv: 'Väntan', en: 'Waiting times' });
    expect(updated.keywords.sv).toEqual(['vänta', 'kö', 'väntelista']);
    expect(updated.history.at(-1)).toMatchObject({ action: 'imported', detail: { format: 'csv', fields: 'labels,keywords' } });
    const parent = after.find((theme) => theme.labels.sv === 'Nytt område')!;
    const child = after.find((theme) => theme.labels.sv === 'Ny underkod')!;
    expect(parent.id).toMatch(UUID);
    expect(child).toMatchObject({ parentId: parent.id, depth: 2, colour: '#00aa00', keywords: { sv: ['ny', 'kod'] } });
    // The same file again: local ids map to the same themes.
    expect((await importFile(t, facilitator, 'text/csv', stringifyCsv(kept))).body).toEqual({ created: 0, updated: 0, unchanged: 3 });
  });

  it.each([
    ['an unbalanced quote', fixture('unbalanced-quote.csv'), /line 3/i],
    ['an unknown column', fixture('unknown-column.csv'), /Line 1: unknown column "favourite_colour"/],
    ['a missing label column', 'id,label_sv\n,Väntan\n', /Line 1: the column "label_en" is missing/],
    ['a bad colour', 'id,label_sv,label_en,colour\n,Väntan,Waiting,red\n', /Line 2: colour \(theme\.colour\.invalid\)/],
    ['a new theme without an English label', 'id,label_sv,label_en\nx,Väntan,\n', /Line 2: a new theme needs a Swedish and an English label/],
    ['an unknown parent', 'id,parent_id,label_sv,label_en\na,nowhere,Väntan,Waiting\n', /Line 2: the parent .* is neither in the file nor in the codebook/],
    ['a cycle', 'id,parent_id,label_sv,label_en\na,b,Ett,One\nb,a,Två,Two\n', /Line \d: the parents form a cycle/],
    ['four levels', 'id,parent_id,label_sv,label_en\na,,Ett,One\nb,a,Två,Two\nc,b,Tre,Three\nd,c,Fyra,Four\n', /Line 5: themes nest at most 3 levels deep/],
    ['two siblings with one label', 'id,parent_id,label_sv,label_en\na,,Ett,One\nb,,ett,One again\n', /Line 3: another active theme under the same parent has this Swedish label/],
    ['a repeated id', 'id,label_sv,label_en\na,Ett,One\na,Två,Two\n', /Line 3: the same id appears again \(first at Line 2\)/],
    ['an empty file', '', /empty/],
  ])('refuses a CSV with %s: 400 naming what is wrong, and nothing is written', async (_name, body, message) => {
    const before = await t.connection.db!.collection('themes').countDocuments();
    const res = await importFile(t, facilitator, 'text/csv', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(message);
    expect(await t.connection.db!.collection('themes').countDocuments()).toBe(before);
  });

  it('accepts only CSV or XML bodies of at most 2 MB', async () => {
    expect((await importFile(t, facilitator, 'application/json', '{}')).status).toBe(415);
    expect((await importFile(t, facilitator, 'text/csv; charset=latin1', 'id,label_sv,label_en\n')).status).toBe(415);
    const huge = `id,label_sv,label_en\n${',Väntan,Waiting\n'.repeat(200_000)}`;
    const res = await importFile(t, facilitator, 'text/csv', huge);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});

describe('REFI-QDA codebook (.qdc) import and export', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'Code' });

  it('exports a structurally valid codebook: namespace, nesting as the tree, UUID guids, #RRGGBB colours', async () => {
    const res = await request(t.app).get('/api/v1/codebook.qdc').set(as(staff));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml; charset=utf-8/);
    expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook')).toBe(true);
    const doc = xml.parse(res.text);
    expect(doc.CodeBook['@_xmlns']).toBe('urn:QDA-XML:codebook:1.0');
    expect(doc.CodeBook['@_origin']).toBe('Medskapa');
    expect(doc.CodeBook.Sets).toBe('');
    const active = await themesOf(t, facilitator, 'active');
    const byId = new Map(active.map((theme) => [theme.id, theme]));
    let count = 0;
    const walk = (codes: Array<Record<string, unknown>>, parentId: string | undefined, depth: number) => {
      for (const code of codes) {
        count += 1;
        const guid = String(code['@_guid']);
        expect(guid).toMatch(UUID);
        expect(code['@_isCodable']).toBe('true');
        expect(code['@_color']).toMatch(/^#[0-9A-F]{6}$/);
        const theme = byId.get(guid)!;
        expect(theme, guid).toBeDefined();
        expect(code['@_name']).toBe(theme.labels.sv);
        expect(theme.parentId).toBe(parentId);
        expect(theme.depth).toBe(depth);
        expect(String(code['Description'])).toContain(`label.en: ${theme.labels.en}`);
        walk((code['Code'] as Array<Record<string, unknown>>) ?? [], guid, depth + 1);
      }
    };
    walk(doc.CodeBook.Codes.Code, undefined, 1);
    expect(count).toBe(active.length);
  });

  it('round-trips: export, import into an empty codebook, export again gives the same file', async () => {
    const qdc = (await request(t.app).get('/api/v1/codebook.qdc').set(as(facilitator))).text;
    const activeCount = (await themesOf(t, facilitator, 'active')).length;
    const other = await appWithUsers();
    opened.push(other.t);
    const imported = await importFile(other.t, other.facilitator, 'application/xml', qdc);
    expect(imported.status).toBe(200);
    expect(imported.body).toEqual({ created: activeCount, updated: 0, unchanged: 0 });
    expect((await request(other.t.app).get('/api/v1/codebook.qdc').set(as(other.facilitator))).text).toBe(qdc);
    const copy = await themesOf(other.t, other.facilitator);
    const original = await themesOf(t, facilitator, 'active');
    const strip = (theme: Theme) => ({ id: theme.id, parentId: theme.parentId, depth: theme.depth, labels: theme.labels, descriptions: theme.descriptions, keywords: theme.keywords, colour: theme.colour });
    expect(copy.map(strip)).toEqual(original.map(strip));
    expect((await importFile(other.t, other.facilitator, 'text/xml', qdc)).body).toEqual({ created: 0, updated: 0, unchanged: activeCount });

    // An edited name in the file renames the theme; nothing else changes.
    const edited = qdc.replace(`guid="${starterThemeId('waiting')}" name="Väntan"`, `guid="${starterThemeId('waiting')}" name="Väntetider"`);
    expect(edited).not.toBe(qdc);
    expect((await importFile(other.t, other.facilitator, 'application/xml', edited)).body).toEqual({ created: 0, updated: 1, unchanged: activeCount - 1 });
    expect((await themesOf(other.t, other.facilitator)).find((theme) => theme.id === starterThemeId('waiting'))!.labels).toEqual({ sv: 'Väntetider', en: 'Waiting times' });
  });

  it('imports a codebook written by another tool: braces and capitals in guids, #RGB colours, nesting, entities', async () => {
    const other = await appWithUsers();
    opened.push(other.t);
    const res = await importFile(other.t, other.facilitator, 'application/xml', fixture('other-tool.qdc'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const themes = await themesOf(other.t, other.facilitator);
    const parent = themes.find((theme) => theme.id === '1ff58b12-6f6f-4b0c-8be5-bbdc91f55294')!;
    expect(parent).toMatchObject({ labels: { sv: 'Bemötande & tonläge', en: 'Bemötande & tonläge' }, descriptions: { sv: 'Hur personalen pratar med patienten.' }, colour: '#46aa00', depth: 1 });
    expect(themes.find((theme) => theme.id === '2a1c0d7e-3b4f-4c5d-8e9f-0a1b2c3d4e5f')).toMatchObject({ parentId: parent.id, depth: 2, colour: '#cc0033' });
    expect(themes.find((theme) => theme.labels.sv === 'Parkering')?.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it.each([
    ['a DOCTYPE with an external entity', fixture('external-entity.qdc'), /DOCTYPE or ENTITY/],
    ['an internal entity', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', /DOCTYPE or ENTITY/],
    ['an unclosed element', fixture('not-well-formed.qdc'), /not well-formed at line \d+/],
    ['another root element', '<Project xmlns="urn:QDA-XML:project:1.0"/>', /root element must be <CodeBook>/],
    ['the wrong namespace', '<CodeBook xmlns="urn:example"><Codes/></CodeBook>', /namespace urn:QDA-XML:codebook:1\.0/],
    ['a guid that is not a UUID', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>\n<Code guid="abc" name="X" isCodable="true"/></Codes></CodeBook>', /<Code> element 1 \(line 2\): the guid attribute must be a UUID/],
    ['a code without a name', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" isCodable="true"/></Codes></CodeBook>', /name attribute is missing/],
    ['a bad colour', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="X" color="red" isCodable="true"/></Codes></CodeBook>', /color attribute must look like #RRGGBB/],
    [
      'codes four levels deep',
      `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${['a', 'b', 'c', 'd'].map((letter) => `<Code guid="00000000-0000-4000-8000-00000000000${letter}" name="${letter}" isCodable="true">`).join('')}</Code></Code></Code></Code></Codes></CodeBook>`,
      /<Code> element 4.*nest at most 3 levels/,
    ],
    ['no Codes element', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', /no <Codes> element/],
    ['plain text', 'this is not XML at all', /not well-formed/],
  ])('refuses a .qdc with %s: 400 naming what is wrong, never 500', async (_name, body, message) => {
    const before = await t.connection.db!.collection('themes').countDocuments();
    const res = await importFile(t, facilitator, 'application/xml', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(message);
    expect(await t.connection.db!.collection('themes').countDocuments()).toBe(before);
  });
});

describe('the audit trail of the codebook', () => {
  it('records every kind of codebook change with ids and field names, and never story text', async () => {
    const events = await auditOf(t, { action: { $regex: '^(theme|codebook)\\.' } });
    const actions = new Set(events.map((event) => event['action']));
    for (const action of ['codebook.seeded', 'theme.created', 'theme.updated', 'theme.archived', 'theme.restored', 'theme.merged', 'codebook.imported', 'codebook.exported']) {
      expect(actions, action).toContain(action);
    }
    for (const event of events) {
      if (event['action'] !== 'codebook.seeded') expect(typeof event['actorId']).toBe('string');
      expect(['theme', 'codebook']).toContain(event['targetType']);
    }
    const text = JSON.stringify(events);
    expect(text).not.toContain('Telefonkön var lång');
    expect(text).not.toContain('Min mamma');
  });
});
