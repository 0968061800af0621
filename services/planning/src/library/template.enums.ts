import { registerEnumType } from 'type-graphql';

export enum TemplateScope {
  COMMON = 'COMMON',
  INDIVIDUAL = 'INDIVIDUAL',
}
registerEnumType(TemplateScope, {
  name: 'TemplateScope',
  description: '指标类型 (Template scope)',
  valuesConfig: {
    COMMON: { description: '共性指标：中央或省级统一设置 (common: set centrally or by the province)' },
    INDIVIDUAL: { description: '个性指标：按行业或项目类型设置 (individual: for a sector or project type)' },
  },
});

export enum CatalogueVersion {
  V2020 = '2020',
  V2021 = '2021',
}
registerEnumType(CatalogueVersion, {
  name: 'CatalogueVersion',
  description: '指标目录版本 (Indicator catalogue version)',
  valuesConfig: {
    V2020: { description: '2020 版：产出、效益、满意度 (2020: output, benefit, satisfaction)' },
    V2021: { description: '2021 版起：增加成本指标 (2021 and later: adds cost indicators)' },
  },
});
