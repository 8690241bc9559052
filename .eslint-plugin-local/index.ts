/** The house's own lint rules, loaded by eslint.config.js as the `local` plugin. */
import { codeLayering } from './code-layering';
import { noImportCycle } from './no-import-cycle';

export default { meta: { name: 'local' }, rules: { 'code-layering': codeLayering, 'no-import-cycle': noImportCycle } };
