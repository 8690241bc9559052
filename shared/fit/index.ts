/** The redshift and class assistant's fit (docs/assistant.md). */
export { fitSpectrum, shiftPlan, Z_RANGES, DISTINCT_DZ, type FitResult, type FitSuccess, type FitFailure, type FitCandidate, type ClassCurve, type FitOptions } from './fit';
export { templateLibrary, readTemplateSet, isTemplateFile, restRange, TEMPLATE_ROLES, type TemplateLibrary, type TemplateSet, type FitClass } from './templates';
export { lamostSubclass, ensembleSubclass, subtypeDistance, subtypeIndex, type StellarFit } from './subclass';
export type { FitInput } from './data';
export { chi2At } from './curve';
