import {
  BUILTIN_PROFILES,
  ErrorCode,
  EventCatalog,
  planningEvents,
  given,
  gradeOf,
  pickRuleProfile,
  profileCandidates,
  ruleSetSchema,
  ValidationError,
  type RecordedEvent,
  type RuleProfile,
  type RuleSet,
} from '@jixiao/events';
import { ruleProfileDecider, ruleProfileStreamId, type PublishRuleProfile } from './rule-profile.decider';
import { mergeRules, toRuleProfile } from './rule-profile.mapping';
import { Grade, type PublishRuleProfileInput } from './rule-profile.type';

const catalog = new EventCatalog(planningEvents);

const [national, hubei] = BUILTIN_PROFILES as [RuleProfile, RuleProfile];
const tianmen2024: RuleProfile = {
  ref: { profileId: '429006-2024', version: 2 },
  name: '天门市 2024 年规则',
  divisionCode: '429006',
  fiscalYear: 2024,
  rules: { ...hubei.rules, preAssessment: { ...hubei.rules.preAssessment, passMark: 80 } },
};

describe('rule profiles', () => {
  it('ship the national and Hubei defaults of DOMAIN.md', () => {
    expect(national.rules.selfEvaluationWeights).toEqual({
      budgetExecution: 10,
      output: 50,
      benefit: 30,
      satisfaction: 10,
    });
    expect(hubei.rules.selfEvaluationWeights).toEqual({
      budgetExecution: 20,
      output: 40,
      benefit: 40,
      satisfaction: 0,
    });
    expect(national.rules.preAssessment.passMark).toBe(85);
    expect(national.rules.questioningSponsors).toEqual({ county: 3, prefecture: 5, province: 5, national: 10 });
  });

  it('resolve from the county up to the nation', () => {
    expect(profileCandidates('429006')).toEqual(['429006', '429000', '420000', '000000']);
    expect(pickRuleProfile('429006', 2023, []).ref.profileId).toBe('builtin-hubei');
    expect(pickRuleProfile('110105', 2023, []).ref.profileId).toBe('builtin-national');
    expect(pickRuleProfile('429006', 2024, [tianmen2024]).ref).toEqual({ profileId: '429006-2024', version: 2 });
    // another year, or another county, keeps the built-in profile
    expect(pickRuleProfile('429006', 2023, [tianmen2024]).ref.profileId).toBe('builtin-hubei');
    expect(pickRuleProfile('429005', 2024, [tianmen2024]).ref.profileId).toBe('builtin-hubei');
  });

  it('grade by the configured bands: 90 is EXCELLENT, 89.99 GOOD, 59.99 POOR', () => {
    const bands = national.rules.gradeBands;
    expect([90, 89.99, 80, 60, 59.99].map((s) => gradeOf(s, bands))).toEqual([
      'EXCELLENT',
      'GOOD',
      'GOOD',
      'FAIR',
      'POOR',
    ]);
  });

  describe('publishing', () => {
    const publish: PublishRuleProfile = {
      type: 'PublishRuleProfile',
      divisionCode: '429006',
      fiscalYear: 2024,
      name: '天门市 2024 年规则',
      basedOn: hubei.ref,
      rules: mergeRules(hubei.rules, { passMark: 80 } as PublishRuleProfileInput),
      reason: '市政府常务会议决定',
    };

    it('lives in ruleprofile-<division>-<year>', () => {
      expect(ruleProfileStreamId('429006', 2024)).toBe('ruleprofile-429006-2024');
    });

    it('is an event, and each publication is a new version', () => {
      const [first] = given(ruleProfileDecider, [])
        .when(publish)
        .then([expect.objectContaining({ type: 'RuleProfilePublished' })]);
      expect(first!.data).toMatchObject({ profileId: '429006-2024', version: 1, basedOn: hubei.ref });
      expect(first!.data.rules.preAssessment.passMark).toBe(80);
      expect(() => catalog.validate(first!)).not.toThrow();
      const [second] = given(ruleProfileDecider, [first!]).when(publish).then([expect.anything()]);
      expect(second!.data.version).toBe(2);
    });

    it('keeps what the change leaves out, and replaces what it gives', () => {
      const merged = mergeRules(hubei.rules, {
        budgetCutPercentByGrade: [{ grade: Grade.POOR, percent: 30 }],
      } as PublishRuleProfileInput);
      expect(merged.budgetCutPercentByGrade).toEqual({ EXCELLENT: 0, GOOD: 0, FAIR: 10, POOR: 30 });
      expect(merged.selfEvaluationWeights).toEqual(hubei.rules.selfEvaluationWeights);
    });

    it.each([
      [
        'dimensionMaxPoints',
        {
          preAssessment: {
            ...hubei.rules.preAssessment,
            dimensionMaxPoints: { ...hubei.rules.preAssessment.dimensionMaxPoints, NECESSITY: 30 },
          },
        },
      ],
      [
        'selfEvaluationWeights',
        { selfEvaluationWeights: { budgetExecution: 20, output: 40, benefit: 30, satisfaction: 0 } },
      ],
      ['gradeBands', { gradeBands: { EXCELLENT: 80, GOOD: 80, FAIR: 60 } }],
    ])('refuses rules that do not add up: %s', (path, change) => {
      const error = given(ruleProfileDecider, [])
        .when({ ...publish, rules: { ...publish.rules, ...change } })
        .thenThrows(ValidationError);
      expect(error.issues.map((i) => i.path)).toEqual([path]);
    });

    it('takes a resubmission period of 1 to 365 whole days, and refuses 0, 366 and a fraction', () => {
      for (const days of [1, 365]) {
        const rules = mergeRules(hubei.rules, { goalResubmissionDays: days } as PublishRuleProfileInput);
        const [event] = given(ruleProfileDecider, [])
          .when({ ...publish, rules })
          .then([expect.anything()]);
        expect(event!.data.rules.goalResubmissionDays).toBe(days);
        expect(() => catalog.validate(event!)).not.toThrow();
      }
      for (const days of [0, 366, 1.5]) {
        const error = given(ruleProfileDecider, [])
          .when({ ...publish, rules: { ...publish.rules, goalResubmissionDays: days } })
          .thenThrows(ValidationError);
        expect(error.issues.map((i) => i.path)).toEqual(['goalResubmissionDays']);
        expect(error.issues[0]!.zh).toContain('1 至 365');
      }
      // left out of the change, the period in force stays
      expect(mergeRules(hubei.rules, {} as PublishRuleProfileInput).goalResubmissionDays).toBe(15);
    });

    it('takes a monitoring tolerance of 0 to 100 percentage points (none by default), and refuses outside', () => {
      expect(hubei.rules.monitoring).toEqual({ executionTolerancePoints: 0 });
      for (const points of [0, 2.5, 100]) {
        const rules = mergeRules(hubei.rules, { executionTolerancePoints: points } as PublishRuleProfileInput);
        const [event] = given(ruleProfileDecider, [])
          .when({ ...publish, rules })
          .then([expect.anything()]);
        expect(event!.data.rules.monitoring).toEqual({ executionTolerancePoints: points });
        expect(() => catalog.validate(event!)).not.toThrow();
      }
      for (const points of [-1, 100.5]) {
        const error = given(ruleProfileDecider, [])
          .when({ ...publish, rules: { ...publish.rules, monitoring: { executionTolerancePoints: points } } })
          .thenThrows(ValidationError);
        expect(error.issues.map((i) => [i.path, i.en])).toEqual([
          [
            'executionTolerancePoints',
            `The execution-rate tolerance must be from 0 to 100 percentage points, not ${points}`,
          ],
        ]);
      }
      // left out of the change, the tolerance in force stays
      const five = { ...hubei.rules, monitoring: { executionTolerancePoints: 5 } };
      expect(mergeRules(five, {} as PublishRuleProfileInput).monitoring).toEqual({ executionTolerancePoints: 5 });
    });

    /** The refusal's code and the paths of its issues, as a client sees them. */
    const refusal = (command: PublishRuleProfile) => {
      const error = given(ruleProfileDecider, []).when(command).thenThrows(ValidationError);
      return { code: error.code, paths: error.issues.map((i) => i.path) };
    };
    const withRules = (change: Partial<RuleSet>): PublishRuleProfile => ({
      ...publish,
      rules: { ...publish.rules, ...change },
    });
    const withPassMark = (passMark: number) =>
      withRules({ preAssessment: { ...publish.rules.preAssessment, passMark } });
    const withDimensions = (points: number[]) =>
      withRules({
        preAssessment: {
          ...publish.rules.preAssessment,
          dimensionMaxPoints: {
            NECESSITY: points[0]!,
            ECONOMY: points[1]!,
            GOAL_REASONABLENESS: points[2]!,
            FEASIBILITY: points[3]!,
            FINANCING_COMPLIANCE: points[4]!,
          },
        },
      });
    const accepted = (command: PublishRuleProfile) =>
      given(ruleProfileDecider, [])
        .when(command)
        .then([expect.objectContaining({ type: 'RuleProfilePublished' })]);

    describe('when the dimension maxima are given', () => {
      it('takes maxima that add up to exactly 100, also in cents that round to it', () => {
        accepted(withDimensions([30, 30, 20, 10, 10]));
        // 70.1 + 10.1 + 10.1 + 9.7 is 99.99999999999999 in floating point: the sum is taken to the cent
        const inCents = withDimensions([70.1, 10.1, 10.1, 9.7, 0]);
        accepted(inCents);
        accepted({
          ...inCents,
          rules: { ...inCents.rules, preAssessment: { ...inCents.rules.preAssessment, passMark: 100 } },
        });
      });

      it.each([[[20, 20, 20, 20, 19.99]], [[20, 20, 20, 20, 20.01]]])(
        'refuses maxima of %j, which miss 100 by a cent',
        (points) => {
          expect(refusal(withDimensions(points))).toEqual({
            code: ErrorCode.BAD_USER_INPUT,
            paths: ['dimensionMaxPoints'],
          });
        },
      );
    });

    describe('when the pass mark is given', () => {
      it('takes a pass mark up to the maximum of 100, and 0', () => {
        for (const passMark of [0, 99.99, 100]) {
          const [event] = accepted(withPassMark(passMark));
          expect(event!.data.rules.preAssessment.passMark).toBe(passMark);
        }
      });

      it('refuses a pass mark above the maximum, by a cent', () => {
        expect(refusal(withPassMark(100.01))).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['passMark'] });
      });

      it('compares the pass mark with the maxima as given: 85 above maxima of 84.99 is refused', () => {
        const lower = withDimensions([20, 20, 20, 20, 4.99]);
        expect(
          refusal({
            ...lower,
            rules: { ...lower.rules, preAssessment: { ...lower.rules.preAssessment, passMark: 85 } },
          }),
        ).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['dimensionMaxPoints', 'passMark'] });
      });
    });

    describe('when the self-evaluation weights are given', () => {
      it('takes weights that add up to 100, also in cents that round to it', () => {
        accepted(
          withRules({ selfEvaluationWeights: { budgetExecution: 100, output: 0, benefit: 0, satisfaction: 0 } }),
        );
        // 70.1 + 10.1 + 10.1 + 9.7 is 99.99999999999999 in floating point: the sum is taken to the cent
        accepted(
          withRules({
            selfEvaluationWeights: { budgetExecution: 70.1, output: 10.1, benefit: 10.1, satisfaction: 9.7 },
          }),
        );
      });

      it.each([99.99, 100.01])('refuses weights that add up to %s', (total) => {
        const weights = { budgetExecution: 20, output: 40, benefit: total - 60, satisfaction: 0 };
        expect(refusal(withRules({ selfEvaluationWeights: weights }))).toEqual({
          code: ErrorCode.BAD_USER_INPUT,
          paths: ['selfEvaluationWeights'],
        });
      });
    });

    describe('when the grade bands are given', () => {
      it('takes bands that descend by a cent', () => {
        accepted(withRules({ gradeBands: { EXCELLENT: 80.02, GOOD: 80.01, FAIR: 80 } }));
      });

      it.each([
        ['EXCELLENT equal to GOOD', { EXCELLENT: 80, GOOD: 80, FAIR: 60 }],
        ['EXCELLENT below GOOD', { EXCELLENT: 79.99, GOOD: 80, FAIR: 60 }],
        ['GOOD equal to FAIR', { EXCELLENT: 90, GOOD: 60, FAIR: 60 }],
        ['GOOD below FAIR', { EXCELLENT: 90, GOOD: 59.99, FAIR: 60 }],
      ])('refuses bands with %s', (_case, gradeBands) => {
        expect(refusal(withRules({ gradeBands }))).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: ['gradeBands'] });
      });
    });

    describe('when the profile is named and explained', () => {
      it.each([
        ['name', { name: ' ' }],
        ['reason', { reason: '' }],
        ['divisionCode', { divisionCode: '42900' }],
        ['divisionCode', { divisionCode: '4290061' }],
        ['divisionCode', { divisionCode: '42900a' }],
        ['divisionCode', { divisionCode: 'x429006' }],
      ])('refuses a blank or malformed %s', (path, change) => {
        expect(refusal({ ...publish, ...change })).toEqual({ code: ErrorCode.BAD_USER_INPUT, paths: [path] });
      });

      it('names every problem at once, in the order of the form', () => {
        const command = {
          ...withRules({
            selfEvaluationWeights: { budgetExecution: 0, output: 0, benefit: 0, satisfaction: 0 },
            gradeBands: { EXCELLENT: 60, GOOD: 70, FAIR: 80 },
            goalResubmissionDays: 0,
          }),
          name: '',
          reason: ' ',
          divisionCode: '',
        };
        expect(refusal(command)).toEqual({
          code: ErrorCode.BAD_USER_INPUT,
          paths: ['selfEvaluationWeights', 'goalResubmissionDays', 'gradeBands', 'name', 'reason', 'divisionCode'],
        });
      });

      it('publishes the profile under <division>-<year> with what the command gave', () => {
        given(ruleProfileDecider, [])
          .when({ ...publish, fiscalYear: 2025 })
          .then([
            {
              type: 'RuleProfilePublished',
              data: {
                profileId: '429006-2025',
                divisionCode: '429006',
                fiscalYear: 2025,
                name: publish.name,
                version: 1,
                basedOn: hubei.ref,
                rules: publish.rules,
                reason: publish.reason,
              },
            },
          ]);
      });
    });

    it('reads a profile published before the period was configurable (v1) with the fixed 15 days of then', () => {
      const { goalResubmissionDays: _dropped, monitoring: _none, evaluation: _later, ...v1Rules } = hubei.rules;
      const stored = { type: 'RuleProfilePublished', schemaVersion: 1, data: { ...publish, rules: v1Rules } };
      const upcast = catalog.upcast(stored as unknown as RecordedEvent);
      expect(upcast.schemaVersion).toBe(4);
      expect((upcast.data as { rules: { goalResubmissionDays: number } }).rules.goalResubmissionDays).toBe(15);
      expect((stored.data.rules as { goalResubmissionDays?: number }).goalResubmissionDays).toBeUndefined();
    });

    it('reads a profile published before monitoring was configurable (v2) with no tolerance', () => {
      const { monitoring: _none, evaluation: _later, ...v2Rules } = { ...hubei.rules, goalResubmissionDays: 10 };
      const stored = { type: 'RuleProfilePublished', schemaVersion: 2, data: { ...publish, rules: v2Rules } };
      const upcast = catalog.upcast(stored as unknown as RecordedEvent);
      expect(upcast.schemaVersion).toBe(4);
      expect((upcast.data as { rules: RuleSet }).rules).toMatchObject({
        goalResubmissionDays: 10,
        monitoring: { executionTolerancePoints: 0 },
      });
      expect(ruleSetSchema.safeParse((upcast.data as { rules: RuleSet }).rules).success).toBe(true);
    });

    it('reads a profile published before evaluation was configurable (v3) with DOMAIN.md’s defaults', () => {
      const { evaluation: _none, ...v3Rules } = { ...hubei.rules, monitoring: { executionTolerancePoints: 2 } };
      const stored = { type: 'RuleProfilePublished', schemaVersion: 3, data: { ...publish, rules: v3Rules } };
      const upcast = catalog.upcast(stored as unknown as RecordedEvent);
      expect(upcast.schemaVersion).toBe(4);
      const rules = (upcast.data as { rules: RuleSet }).rules;
      expect(rules.evaluation).toEqual({
        spotCheckPercent: 10,
        keyEvaluationSplit: { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 },
        minOutputBenefitPercent: 60,
      });
      expect(rules.monitoring).toEqual({ executionTolerancePoints: 2 });
      expect(ruleSetSchema.safeParse(rules).success).toBe(true);
      expect((stored.data.rules as { evaluation?: unknown }).evaluation).toBeUndefined();
    });

    describe('when the evaluation rules are given', () => {
      const withEvaluation = (change: Partial<RuleSet['evaluation']>) =>
        withRules({ evaluation: { ...publish.rules.evaluation, ...change } });
      const split = (DECISION: number, PROCESS: number, OUTPUT: number, BENEFIT: number) => ({
        keyEvaluationSplit: { DECISION, PROCESS, OUTPUT, BENEFIT },
      });

      it('ship DOMAIN.md’s defaults in both built-in profiles: 10 % spot-checked, 15/20/35/30, at least 60', () => {
        for (const profile of [national, hubei]) {
          expect(profile.rules.evaluation).toEqual({
            spotCheckPercent: 10,
            keyEvaluationSplit: { DECISION: 15, PROCESS: 20, OUTPUT: 35, BENEFIT: 30 },
            minOutputBenefitPercent: 60,
          });
        }
      });

      it('takes a spot-check share from 0 to 100 %, and refuses -0.01 and 100.01', () => {
        for (const spotCheckPercent of [0, 12.5, 100]) {
          const [event] = accepted(withEvaluation({ spotCheckPercent }));
          expect(event!.data.rules.evaluation.spotCheckPercent).toBe(spotCheckPercent);
          expect(() => catalog.validate(event!)).not.toThrow();
        }
        for (const spotCheckPercent of [-0.01, 100.01, Number.NaN]) {
          expect(refusal(withEvaluation({ spotCheckPercent }))).toEqual({
            code: ErrorCode.BAD_USER_INPUT,
            paths: ['spotCheckPercent'],
          });
        }
      });

      it('takes a split adding up to exactly 100, and refuses 99.99 and 100.01', () => {
        accepted(withEvaluation(split(20, 20, 30, 30)));
        accepted(withEvaluation(split(0.1, 0.2, 69.7, 30))); // 0.1 + 0.2 drift is no reason to refuse
        for (const decision of [14.99, 15.01]) {
          const error = given(ruleProfileDecider, [])
            .when(withEvaluation(split(decision, 20, 35, 30)))
            .thenThrows(ValidationError);
          expect(error.issues.map((i) => i.path)).toEqual(['keyEvaluationSplit']);
          expect(error.issues[0]!.en).toBe(
            `DECISION, PROCESS, OUTPUT and BENEFIT must add up to 100, not ${decision} + 20 + 35 + 30 = ${decision + 85}`,
          );
        }
      });

      it('takes output + benefit of 60, and refuses 59.99 (the minimum from the profile)', () => {
        accepted(withEvaluation(split(20, 20, 30, 30)));
        const error = given(ruleProfileDecider, [])
          .when(withEvaluation(split(20, 20.01, 29.99, 30)))
          .thenThrows(ValidationError);
        expect(error.issues.map((i) => [i.path, i.zh])).toEqual([
          ['keyEvaluationSplit', '产出与效益合计应不低于 60%，现为 29.99 + 30 = 59.99'],
        ]);
        // a profile lowering its minimum to 59.99 takes that split; raising it to 70 refuses the default one
        accepted(withEvaluation({ ...split(20, 20.01, 29.99, 30), minOutputBenefitPercent: 59.99 }));
        expect(refusal(withEvaluation({ minOutputBenefitPercent: 70 })).paths).toEqual(['keyEvaluationSplit']);
      });

      it('takes a minimum share from 0 to 100, and refuses -0.01 and 100.01', () => {
        accepted(withEvaluation({ minOutputBenefitPercent: 0 }));
        accepted(withEvaluation({ ...split(0, 0, 50, 50), minOutputBenefitPercent: 100 }));
        expect(refusal(withEvaluation({ minOutputBenefitPercent: -0.01 })).paths).toEqual(['minOutputBenefitPercent']);
        // 100.01 is out of range, and no split can carry it either
        expect(refusal(withEvaluation({ minOutputBenefitPercent: 100.01 })).paths).toEqual([
          'minOutputBenefitPercent',
          'keyEvaluationSplit',
        ]);
      });

      it('refuses a dimension outside 0 … 100 at its own path', () => {
        expect(refusal(withEvaluation(split(-5, 20, 55, 30))).paths).toEqual(['keyEvaluationSplit.DECISION']);
      });

      it('merges what the input gives into the rules in force, and keeps what it leaves out', () => {
        const merged = mergeRules(hubei.rules, {
          spotCheckPercent: 15,
          keyEvaluationSplit: [
            { dimension: 'DECISION', points: 10 },
            { dimension: 'OUTPUT', points: 40 },
          ],
        } as PublishRuleProfileInput);
        expect(merged.evaluation).toEqual({
          spotCheckPercent: 15,
          keyEvaluationSplit: { DECISION: 10, PROCESS: 20, OUTPUT: 40, BENEFIT: 30 },
          minOutputBenefitPercent: 60,
        });
        const custom = { ...hubei.rules, evaluation: { ...hubei.rules.evaluation, minOutputBenefitPercent: 65 } };
        expect(mergeRules(custom, {} as PublishRuleProfileInput).evaluation).toEqual(custom.evaluation);
        expect(mergeRules(custom, { minOutputBenefitPercent: 62 } as PublishRuleProfileInput).evaluation).toEqual({
          ...custom.evaluation,
          minOutputBenefitPercent: 62,
        });
        // merging copies: the rules in force are not changed
        expect(hubei.rules.evaluation.keyEvaluationSplit.DECISION).toBe(15);
      });

      it('shows the evaluation rules as GraphQL gives them, the split in the framework’s order', () => {
        expect(toRuleProfile(national)).toMatchObject({
          spotCheckPercent: 10,
          keyEvaluationSplit: [
            { dimension: 'DECISION', points: 15 },
            { dimension: 'PROCESS', points: 20 },
            { dimension: 'OUTPUT', points: 35 },
            { dimension: 'BENEFIT', points: 30 },
          ],
          minOutputBenefitPercent: 60,
        });
      });
    });
  });
});
