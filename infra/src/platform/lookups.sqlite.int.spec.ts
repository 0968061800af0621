import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { BUILTIN_PROFILES, NotFoundError } from '@jixiao/events';
import { RuleProfileRowSchema, UnitRowSchema } from '@jixiao/projections';
import { profileInForce, requireUnit } from '@jixiao/service-kit';

/** The kit's shared look-ups against real read-model tables (the queries, not a stub). */
describe('shared look-ups over the read models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lookups-'));
  let orm: MikroORM;
  const at = new Date('2026-01-05T00:00:00Z');
  const rules = BUILTIN_PROFILES[0]!.rules;
  const profile = (profileId: string, divisionCode: string, fiscalYear: number, version: number) => ({
    profileId,
    streamId: `ruleprofile-${profileId}`,
    lastVersion: version,
    divisionCode,
    fiscalYear,
    name: `${divisionCode} ${fiscalYear}`,
    version,
    basedOn: { profileId: 'builtin-hubei', version: 1 },
    rules: { ...rules, preAssessment: { ...rules.preAssessment, passMark: 70 + version } },
    reason: 'test',
    publishedAt: at,
  });

  beforeAll(async () => {
    orm = await MikroORM.init({
      driver: BetterSqliteDriver,
      dbName: join(dir, 'rm.db'),
      entities: [UnitRowSchema, RuleProfileRowSchema],
      allowGlobalContext: false,
    });
    await orm.schema.createSchema();
    const em = orm.em.fork();
    const unit = (unitId: string, parentId: string | null) => ({
      unitId,
      streamId: `unit-${unitId}`,
      lastVersion: 1,
      code: unitId,
      name: `单位 ${unitId}`,
      level: parentId ? 'SECOND' : 'FIRST',
      parentId,
      divisionCode: '429006',
      sector: '',
      registeredAt: at,
    });
    em.create(UnitRowSchema, unit('a', null));
    em.create(UnitRowSchema, unit('a1', 'a'));
    em.create(UnitRowSchema, unit('b', null));
    // Tianmen (429006) publishes for 2025; Hubei (420000) for 2026; the prefecture row 429000 does not exist
    em.create(RuleProfileRowSchema, profile('tianmen-2025', '429006', 2025, 2));
    em.create(RuleProfileRowSchema, profile('hubei-2026', '420000', 2026, 1));
    em.create(RuleProfileRowSchema, profile('wuhan-2026', '420100', 2026, 3));
    await em.flush();
  });
  afterAll(async () => {
    await orm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('requireUnit', () => {
    it('answers the unit for a caller who sees every unit, and for one whose scope holds it', async () => {
      expect((await requireUnit(orm.em.fork(), 'a1')).parentId).toBe('a');
      expect((await requireUnit(orm.em.fork(), 'a1', { all: false, unitIds: ['a', 'a1'] })).unitId).toBe('a1');
    });

    it('refuses a missing unit: "register it first" to an unlimited caller', async () => {
      await expect(requireUnit(orm.em.fork(), 'nope')).rejects.toMatchObject({
        zh: '预算单位 nope 不存在，请先登记单位',
      });
    });

    it('answers an existing unit outside the scope exactly as a missing one', async () => {
      const scope = { all: false as const, unitIds: ['a'] };
      const outside = await requireUnit(orm.em.fork(), 'b', scope).catch((e: unknown) => e);
      const missing = await requireUnit(orm.em.fork(), 'zz', scope).catch((e: unknown) => e);
      expect(outside).toBeInstanceOf(NotFoundError);
      expect((outside as NotFoundError).zh).toBe('预算单位 b 不存在或不在您的权限范围内');
      expect((missing as NotFoundError).zh).toBe('预算单位 zz 不存在或不在您的权限范围内');
    });
  });

  describe('profileInForce', () => {
    it("takes the division's own published profile for that year", async () => {
      const inForce = await profileInForce(orm.em.fork(), '429006', 2025);
      expect(inForce.ref).toEqual({ profileId: 'tianmen-2025', version: 2 });
      expect(inForce.rules.preAssessment.passMark).toBe(72);
    });

    it('falls back to the province for a year the county did not publish, never to a sibling prefecture', async () => {
      expect((await profileInForce(orm.em.fork(), '429006', 2026)).ref.profileId).toBe('hubei-2026');
    });

    it('falls back to the nearest built-in profile when nobody published for the year', async () => {
      expect((await profileInForce(orm.em.fork(), '429006', 2024)).ref.profileId).toBe('builtin-hubei');
      expect((await profileInForce(orm.em.fork(), '110105', 2026)).ref.profileId).toBe('builtin-national');
    });
  });
});
