export * from './not-reached';
export * from './unit';
export * from './rule-profile';
