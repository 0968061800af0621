import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { invalid, issueIf } from '@jixiao/events';
import { execute, profileInForce, type RequestContext, type ServiceDeps } from '@jixiao/service-kit';
import { ruleProfileDecider, ruleProfileStreamId } from './rule-profile.decider';
import { mergeRules, toRuleProfile } from './rule-profile.mapping';
import { PublishRuleProfileInput, RuleProfile } from './rule-profile.type';

/** 规则配置: the numbers in force for a division and year, and publishing a new version. */
@Resolver(() => RuleProfile)
export class RuleProfileResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => RuleProfile, {
    description:
      '某区划某年度生效的规则配置：本级发布的，否则上级的，否则内置的 (The rule profile in force: own, else the nearest parent division, else built-in)',
  })
  async ruleProfile(
    @Arg('divisionCode', { description: '行政区划代码，6 位 (division code, 6 digits)' }) divisionCode: string,
    @Arg('fiscalYear', () => Int, { description: '预算年度 (fiscal year)' }) fiscalYear: number,
  ): Promise<RuleProfile> {
    const issues = [
      ...issueIf(
        !/^\d{6}$/.test(divisionCode),
        'divisionCode',
        '行政区划代码应为 6 位数字，如 429006',
        'The division code must be 6 digits, e.g. 429006',
      ),
      ...issueIf(
        !Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100,
        'fiscalYear',
        '预算年度应为 2000–2100 之间的年份',
        'The fiscal year must be from 2000 to 2100',
      ),
    ];
    if (issues.length > 0) throw invalid(issues);
    return toRuleProfile(await profileInForce(this.deps.em(), divisionCode, fiscalYear));
  }

  @Mutation(() => RuleProfile, {
    description:
      '发布规则配置新版本；此后的决定记录所用版本，已作出的决定不受影响 (Publish a new profile version; later decisions record it, earlier ones keep theirs)',
  })
  async publishRuleProfile(
    @Arg('input', { description: '命令参数 (command input)' }) input: PublishRuleProfileInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RuleProfile> {
    const current = await profileInForce(this.deps.em(), input.divisionCode, input.fiscalYear);
    const { divisionCode, fiscalYear, name, reason, commandId } = input;
    await execute(
      this.deps,
      ctx,
      ruleProfileStreamId(divisionCode, fiscalYear),
      ruleProfileDecider,
      {
        type: 'PublishRuleProfile',
        divisionCode,
        fiscalYear,
        name,
        reason,
        basedOn: current.ref,
        rules: mergeRules(current.rules, input),
      },
      { commandId },
    );
    return toRuleProfile(await profileInForce(this.deps.em(), divisionCode, fiscalYear));
  }
}
