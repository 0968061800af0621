import { loadConfig } from './config';

describe('JIXIAO_SEED', () => {
  it('seeds the demo city-year by default', () => {
    expect(loadConfig({}).seed).toBe('demo');
  });

  it('starts empty with none', () => {
    expect(loadConfig({ JIXIAO_SEED: 'none' }).seed).toBe('none');
  });

  it('names the variable and the allowed values when the value is wrong', () => {
    expect(() => loadConfig({ JIXIAO_SEED: 'tianmen' })).toThrow(/JIXIAO_SEED: must be none or demo/);
  });
});
