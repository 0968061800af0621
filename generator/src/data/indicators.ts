/** What an indicator of the library looks like before it becomes a template event. */
export interface IndicatorSpec {
  level1: 'OUTPUT' | 'BENEFIT' | 'SATISFACTION' | 'COST';
  level2: string;
  name: string;
  operator: '>=' | '<=' | '=' | 'QUALITATIVE';
  unit: string;
  /** Range targets are drawn from; a qualitative indicator has `text` instead. */
  min: number;
  max: number;
  text?: string;
}

const spec = (
  level1: IndicatorSpec['level1'],
  level2: string,
  name: string,
  operator: IndicatorSpec['operator'],
  unit: string,
  min: number,
  max: number,
): IndicatorSpec => ({ level1, level2, name, operator, unit, min, max });

const qualitative = (level1: IndicatorSpec['level1'], level2: string, name: string, text: string): IndicatorSpec => ({
  level1,
  level2,
  name,
  operator: 'QUALITATIVE',
  unit: '',
  min: 0,
  max: 0,
  text,
});

/** 共性指标: set centrally, offered to every sector. */
export const COMMON_INDICATORS: readonly IndicatorSpec[] = [
  spec('OUTPUT', 'QUALITY', '项目验收合格率', '>=', '%', 95, 100),
  spec('OUTPUT', 'TIMELINESS', '项目按期完成率', '>=', '%', 90, 100),
  spec('OUTPUT', 'TIMELINESS', '资金拨付及时率', '>=', '%', 90, 100),
  spec('OUTPUT', 'COST', '项目成本控制率', '<=', '%', 100, 100),
  spec('COST', 'ECONOMIC_COST', '单位产出成本较上年变动率', '<=', '%', 0, 5),
  spec('SATISFACTION', 'BENEFICIARY', '服务对象满意度', '>=', '%', 85, 95),
  spec('SATISFACTION', 'BENEFICIARY', '群众满意度', '>=', '%', 85, 95),
  qualitative('BENEFIT', 'SUSTAINABLE', '长效管理机制', '建立健全并有效运行'),
];
