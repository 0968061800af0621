export * from './catalog-enum';
