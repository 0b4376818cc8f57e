export * from './digits';
export * from './text';
export * from './amount';
export * from './target';
export * from './months';
export * from './provinces';
