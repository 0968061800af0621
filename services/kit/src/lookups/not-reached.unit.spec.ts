import { NotFoundError } from '@jixiao/events';
import { notReached } from './not-reached';
import { unitNotFound } from './unit';

const project = { zh: '项目', en: 'Project' };
const missing = { zh: '不存在，请先申报项目', en: 'does not exist; propose it first' };

describe('notReached', () => {
  it('tells a caller who sees every unit what to do about the missing row', () => {
    const error = notReached({ all: true }, project, 'p-1', missing);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.zh).toBe('项目 p-1 不存在，请先申报项目');
    expect(error.en).toBe('Project p-1 does not exist; propose it first');
  });

  it('tells a caller limited to some units only "not found or not in your scope", the same whether the row exists or not', () => {
    const error = notReached({ all: false, unitIds: ['u-1'] }, project, 'p-1', missing);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.zh).toBe('项目 p-1 不存在或不在您的权限范围内');
    expect(error.en).toBe('Project p-1 was not found or is not in your scope');
  });

  it('a limited caller with no units at all is told the same', () => {
    expect(notReached({ all: false, unitIds: [] }, project, 'p-1', missing).zh).toBe(
      '项目 p-1 不存在或不在您的权限范围内',
    );
  });
});

describe('unitNotFound', () => {
  it('asks an unlimited caller (and a system task, the default) to register the unit first', () => {
    expect(unitNotFound('u-9').zh).toBe('预算单位 u-9 不存在，请先登记单位');
    expect(unitNotFound('u-9', { all: true }).en).toBe('Budget unit u-9 does not exist; register it first');
  });

  it('does not reveal to a unit-limited caller whether the unit exists', () => {
    const error = unitNotFound('u-9', { all: false, unitIds: ['u-1'] });
    expect(error.zh).toBe('预算单位 u-9 不存在或不在您的权限范围内');
    expect(error.en).toBe('Budget unit u-9 was not found or is not in your scope');
  });
});
