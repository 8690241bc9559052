/**
 * The fit's templates for the renderer (docs/assistant.md): their names, then each file's
 * bytes. Read from the folder on each call; the renderer asks once per run and keeps them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, type ApiHandlers } from '../../shared/api';
import { isTemplateFile } from '../../shared/fit';
import { SHIPPED_TEMPLATES } from '../fit/templates';

export function templateHandlers(folder: string | null): Pick<ApiHandlers, 'listTemplates' | 'readTemplate'> {
  const dir = folder ?? SHIPPED_TEMPLATES;
  const names = async (): Promise<string[]> => {
    try {
      return (await readdir(dir)).filter(isTemplateFile).sort();
    } catch (err) {
      throw new ApiError('not-found', `template folder ${dir}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'}); set "templates" in config.json to a folder of spEigen*.fits files`);
    }
  };
  return {
    listTemplates: async () => {
      const found = await names();
      if (found.length === 0) throw new ApiError('not-found', `template folder ${dir} holds no spEigen*.fits files; set "templates" in config.json to one that does`);
      return found;
    },
    readTemplate: async ({ name }) => {
      // Only a name the folder lists: never a path of the caller's choosing.
      if (!(await names()).includes(name)) throw new ApiError('not-found', `template ${name} is not in ${dir}`);
      return new Uint8Array(await readFile(join(dir, name)));
    },
  };
}
