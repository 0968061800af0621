import { registerEnumType } from 'type-graphql';

export enum ProjectCategory {
  RECURRING = 'RECURRING',
  CONTINUING = 'CONTINUING',
  ONE_OFF = 'ONE_OFF',
}
registerEnumType(ProjectCategory, {
  name: 'ProjectCategory',
  description: '项目类别 (Project category)',
  valuesConfig: {
    RECURRING: { description: '经常性项目 (recurring)' },
    CONTINUING: { description: '延续性项目 (continuing)' },
    ONE_OFF: { description: '一次性项目 (one-off)' },
  },
});

export enum LibraryStatus {
  PROPOSED = 'PROPOSED',
  IN_LIBRARY = 'IN_LIBRARY',
}
registerEnumType(LibraryStatus, {
  name: 'LibraryStatus',
  description: '项目库状态 (Project library status)',
  valuesConfig: {
    PROPOSED: { description: '已申报，未入库 (proposed, not in the library)' },
    IN_LIBRARY: { description: '已入库 (in the project library)' },
  },
});

export enum GateCondition {
  APPROVED_GOAL = 'APPROVED_GOAL',
  PASSED_PRE_ASSESSMENT = 'PASSED_PRE_ASSESSMENT',
}
registerEnumType(GateCondition, {
  name: 'GateCondition',
  description: '入库条件 (A condition of the project-library gate)',
  valuesConfig: {
    APPROVED_GOAL: { description: '已批准的绩效目标 (an approved performance goal)' },
    PASSED_PRE_ASSESSMENT: {
      description: '通过的事前绩效评估（新增重大项目）(a passed pre-assessment, for new major projects)',
    },
  },
});
