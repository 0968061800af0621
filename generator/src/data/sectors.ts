import type { IndicatorSpec } from './indicators';

/** One sector (行业): the projects its units run and the individual indicators they use. */
export interface Sector {
  key: string;
  projects: readonly string[];
  indicators: readonly IndicatorSpec[];
}

type Row = [IndicatorSpec['level1'], string, string, IndicatorSpec['operator'], string, number, number, string?];

const sector = (key: string, projects: string[], rows: Row[]): Sector => ({
  key,
  projects,
  indicators: rows.map(([level1, level2, name, operator, unit, min, max, text]) => ({
    level1,
    level2,
    name,
    operator,
    unit,
    min,
    max,
    ...(text ? { text } : {}),
  })),
});

export const SECTORS: readonly Sector[] = [
  sector(
    '教育',
    ['义务教育薄弱环节改善与能力提升', '普惠性幼儿园建设', '农村义务教育学生营养改善计划', '中小学教师培训', '校舍维修改造', '家庭经济困难学生资助', '高中教育质量提升', '智慧校园建设'],
    [
      ['OUTPUT', 'QUANTITY', '改造薄弱学校数量', '>=', '所', 3, 30],
      ['OUTPUT', 'QUANTITY', '培训教师人次', '>=', '人次', 200, 5000],
      ['OUTPUT', 'QUANTITY', '资助学生人数', '>=', '人', 300, 12000],
      ['OUTPUT', 'QUANTITY', '新增学位数', '>=', '个', 90, 1800],
      ['BENEFIT', 'SOCIAL', '义务教育巩固率', '>=', '%', 95, 99],
      ['BENEFIT', 'SOCIAL', '农村学校办学条件', 'QUALITATIVE', '', 0, 0, '明显改善'],
      ['BENEFIT', 'SUSTAINABLE', '学前教育普惠率', '>=', '%', 80, 92],
    ],
  ),
  sector(
    '交通',
    ['农村公路提档升级', '危桥改造', '城乡客运一体化', '国省道大中修', '农村公路安全生命防护工程', '汉江航道整治配套'],
    [
      ['OUTPUT', 'QUANTITY', '改造农村公路里程', '>=', '公里', 10, 200],
      ['OUTPUT', 'QUANTITY', '改造危桥数量', '>=', '座', 2, 40],
      ['OUTPUT', 'QUANTITY', '新增公交线路', '>=', '条', 1, 12],
      ['OUTPUT', 'QUALITY', '路面优良率', '>=', '%', 80, 95],
      ['BENEFIT', 'SOCIAL', '群众出行条件', 'QUALITATIVE', '', 0, 0, '明显改善'],
      ['BENEFIT', 'ECONOMIC', '沿线运输成本降低率', '>=', '%', 3, 15],
      ['BENEFIT', 'SOCIAL', '建制村通客车率', '=', '%', 100, 100],
    ],
  ),
  sector(
    '卫生健康',
    ['基本公共卫生服务', '乡镇卫生院能力提升', '家庭医生签约服务', '重大传染病防控', '妇幼健康服务', '医疗设备购置'],
    [
      ['OUTPUT', 'QUANTITY', '居民电子健康档案建档人数', '>=', '万人', 5, 120],
      ['OUTPUT', 'QUANTITY', '家庭医生签约人数', '>=', '人', 2000, 300000],
      ['OUTPUT', 'QUANTITY', '购置医疗设备台数', '>=', '台', 5, 200],
      ['OUTPUT', 'QUALITY', '适龄儿童免疫规划疫苗接种率', '>=', '%', 90, 98],
      ['BENEFIT', 'SOCIAL', '孕产妇死亡率', '<=', '1/10万', 8, 15],
      ['BENEFIT', 'SOCIAL', '基层就诊率', '>=', '%', 55, 70],
      ['BENEFIT', 'SOCIAL', '群众看病就医条件', 'QUALITATIVE', '', 0, 0, '持续改善'],
    ],
  ),
  sector(
    '农业农村',
    ['高标准农田建设', '耕地地力保护补贴', '农机购置与应用补贴', '动物疫病防控', '农村人居环境整治', '稻渔综合种养示范'],
    [
      ['OUTPUT', 'QUANTITY', '建设高标准农田面积', '>=', '万亩', 0.5, 12],
      ['OUTPUT', 'QUANTITY', '补贴农机具数量', '>=', '台', 50, 3000],
      ['OUTPUT', 'QUANTITY', '改造农村户厕数量', '>=', '户', 200, 8000],
      ['OUTPUT', 'QUALITY', '重大动物疫病免疫密度', '>=', '%', 90, 100],
      ['BENEFIT', 'ECONOMIC', '亩均增产粮食', '>=', '公斤', 30, 120],
      ['BENEFIT', 'ECOLOGICAL', '农村生活垃圾无害化处理率', '>=', '%', 85, 98],
      ['BENEFIT', 'ECONOMIC', '带动农户增收', '>=', '万元', 50, 2000],
    ],
  ),
  sector(
    '水利',
    ['中小河流治理', '农村饮水安全巩固提升', '泵站更新改造', '小型水库除险加固', '汉江堤防加固'],
    [
      ['OUTPUT', 'QUANTITY', '治理河道长度', '>=', '公里', 3, 60],
      ['OUTPUT', 'QUANTITY', '更新改造泵站数量', '>=', '座', 1, 20],
      ['OUTPUT', 'QUANTITY', '除险加固水库数量', '>=', '座', 1, 15],
      ['OUTPUT', 'QUALITY', '工程质量合格率', '=', '%', 100, 100],
      ['BENEFIT', 'SOCIAL', '农村自来水普及率', '>=', '%', 95, 99],
      ['BENEFIT', 'SOCIAL', '受益人口', '>=', '万人', 1, 40],
      ['BENEFIT', 'ECOLOGICAL', '防洪排涝能力', 'QUALITATIVE', '', 0, 0, '显著提升'],
    ],
  ),
  sector(
    '民政',
    ['城乡低保', '特困人员救助供养', '养老服务体系建设', '困难残疾人生活补贴', '临时救助', '殡葬改革'],
    [
      ['OUTPUT', 'QUANTITY', '保障低保对象人数', '>=', '人', 1000, 30000],
      ['OUTPUT', 'QUANTITY', '新建社区养老服务设施', '>=', '个', 2, 40],
      ['OUTPUT', 'QUALITY', '救助资金发放准确率', '=', '%', 100, 100],
      ['OUTPUT', 'TIMELINESS', '补贴按月发放率', '=', '%', 100, 100],
      ['BENEFIT', 'SOCIAL', '困难群众基本生活', 'QUALITATIVE', '', 0, 0, '得到有效保障'],
      ['BENEFIT', 'SOCIAL', '养老机构护理型床位占比', '>=', '%', 45, 60],
    ],
  ),
  sector(
    '人社',
    ['就业创业补贴', '职业技能提升行动', '城乡居民基本养老保险', '高校毕业生就业见习', '返乡创业担保贷款贴息'],
    [
      ['OUTPUT', 'QUANTITY', '开展职业技能培训人次', '>=', '人次', 500, 15000],
      ['OUTPUT', 'QUANTITY', '城镇新增就业人数', '>=', '人', 1000, 12000],
      ['OUTPUT', 'QUANTITY', '发放创业担保贷款', '>=', '万元', 500, 30000],
      ['BENEFIT', 'SOCIAL', '城镇登记失业率', '<=', '%', 3, 4.5],
      ['BENEFIT', 'ECONOMIC', '培训后就业率', '>=', '%', 60, 85],
    ],
  ),
  sector(
    '住建',
    ['老旧小区改造', '城镇污水管网建设', '农村危房改造', '保障性租赁住房', '市政道路维修'],
    [
      ['OUTPUT', 'QUANTITY', '改造老旧小区数量', '>=', '个', 3, 60],
      ['OUTPUT', 'QUANTITY', '新建污水管网长度', '>=', '公里', 2, 80],
      ['OUTPUT', 'QUANTITY', '改造农村危房户数', '>=', '户', 20, 800],
      ['OUTPUT', 'QUALITY', '竣工验收合格率', '=', '%', 100, 100],
      ['BENEFIT', 'SOCIAL', '受益居民户数', '>=', '户', 500, 20000],
      ['BENEFIT', 'ECOLOGICAL', '城市生活污水集中收集率', '>=', '%', 60, 75],
    ],
  ),
  sector(
    '生态环境',
    ['大气污染防治', '水污染防治', '土壤污染风险管控', '生态环境监测能力建设', '农村环境综合整治'],
    [
      ['OUTPUT', 'QUANTITY', '新建自动监测站点', '>=', '个', 1, 20],
      ['OUTPUT', 'QUANTITY', '完成整治行政村数量', '>=', '个', 5, 80],
      ['BENEFIT', 'ECOLOGICAL', '空气质量优良天数比例', '>=', '%', 75, 88],
      ['BENEFIT', 'ECOLOGICAL', '地表水考核断面达标率', '>=', '%', 80, 100],
      ['BENEFIT', 'ECOLOGICAL', 'PM2.5 年均浓度', '<=', '微克/立方米', 35, 45],
    ],
  ),
  sector(
    '文化旅游',
    ['公共文化服务体系建设', '文物保护利用', '送戏下乡', '全民健身设施建设', '乡村旅游发展'],
    [
      ['OUTPUT', 'QUANTITY', '送戏下乡场次', '>=', '场', 50, 600],
      ['OUTPUT', 'QUANTITY', '修缮文物保护单位数量', '>=', '处', 1, 12],
      ['OUTPUT', 'QUANTITY', '新建健身路径', '>=', '条', 5, 80],
      ['BENEFIT', 'SOCIAL', '公共文化设施免费开放', 'QUALITATIVE', '', 0, 0, '全面落实'],
      ['BENEFIT', 'ECONOMIC', '接待游客人次', '>=', '万人次', 10, 300],
    ],
  ),
  sector(
    '公安司法',
    ['雪亮工程建设', '道路交通安全整治', '公共法律服务体系建设', '社区矫正', '执法办案中心运维'],
    [
      ['OUTPUT', 'QUANTITY', '新建视频监控点位', '>=', '个', 100, 3000],
      ['OUTPUT', 'QUANTITY', '提供法律援助案件数', '>=', '件', 200, 2500],
      ['OUTPUT', 'TIMELINESS', '系统运行正常率', '>=', '%', 98, 99.9],
      ['BENEFIT', 'SOCIAL', '刑事案件发案率下降', '>=', '%', 3, 12],
      ['BENEFIT', 'SOCIAL', '群众安全感', '>=', '%', 92, 98],
    ],
  ),
  sector(
    '综合',
    ['机关运行保障', '信息化系统运维', '档案数字化', '党建阵地建设', '政务服务能力提升', '基层治理示范创建'],
    [
      ['OUTPUT', 'QUANTITY', '完成数字化档案', '>=', '万页', 5, 300],
      ['OUTPUT', 'QUANTITY', '办理政务服务事项', '>=', '件', 5000, 400000],
      ['OUTPUT', 'QUALITY', '系统安全事件发生次数', '<=', '次', 0, 0],
      ['BENEFIT', 'SOCIAL', '“一网通办”事项占比', '>=', '%', 85, 98],
      ['BENEFIT', 'SOCIAL', '服务效能', 'QUALITATIVE', '', 0, 0, '明显提升'],
    ],
  ),
];
