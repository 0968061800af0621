import { loadConfig } from './config';

const distributed = {
  JIXIAO_MODE: 'distributed',
  JIXIAO_STORE: 'postgres',
  JIXIAO_DATABASE_URL: 'postgres://root@127.0.0.1:5432/test',
  JIXIAO_KAFKA_BROKERS: '127.0.0.1:9092,kafka-2:9092',
  JIXIAO_REDIS_URL: 'redis://127.0.0.1:6379',
};

describe('loadConfig in distributed mode', () => {
  it('reads the broker list, the topic prefix and Redis', () => {
    const config = loadConfig(distributed);
    expect(config.mode).toBe('distributed');
    expect(config.storage).toEqual({
      kind: 'postgres',
      connectionString: distributed.JIXIAO_DATABASE_URL,
      schema: 'jixiao',
    });
    expect(config.distributed).toEqual({
      kafkaBrokers: ['127.0.0.1:9092', 'kafka-2:9092'],
      topicPrefix: 'jixiao',
      redisUrl: 'redis://127.0.0.1:6379',
    });
  });

  it('names every missing variable at once', () => {
    expect(() => loadConfig({ JIXIAO_MODE: 'distributed' })).toThrow(
      [
        '配置有误 (invalid configuration):',
        '  JIXIAO_DATABASE_URL: required when JIXIAO_MODE=distributed',
        '  JIXIAO_STORE: must be postgres when JIXIAO_MODE=distributed',
        '  JIXIAO_KAFKA_BROKERS: required when JIXIAO_MODE=distributed',
        '  JIXIAO_REDIS_URL: required when JIXIAO_MODE=distributed',
      ].join('\n'),
    );
  });

  it('names malformed values', () => {
    const bad = {
      ...distributed,
      JIXIAO_KAFKA_BROKERS: 'localhost',
      JIXIAO_REDIS_URL: 'http://x',
    };
    expect(() => loadConfig(bad)).toThrow(/JIXIAO_KAFKA_BROKERS: must be host:port/);
    expect(() => loadConfig(bad)).toThrow(/JIXIAO_REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  it('leaves embedded mode without a distributed section', () => {
    expect(loadConfig({}).distributed).toBeUndefined();
  });
});
