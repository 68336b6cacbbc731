import type { BuildOptions } from './main.js';

export async function buildCommand(options: BuildOptions): Promise<number> {
  const { build } = await import('../pipeline/index.js');
  return build(options);
}
