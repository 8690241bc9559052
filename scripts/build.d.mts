// Types of build.mjs's exports, for the tests that bundle exactly as the build does.
import type { BuildOptions } from 'esbuild';

export declare const ROOT: string;
export declare const MAIN_OUT: string;
export declare const RENDERER_OUT: string;
export declare const MAIN_OPTIONS: BuildOptions;
export declare const PRELOAD_OPTIONS: BuildOptions;
export declare function buildMain(): Promise<void>;
export declare function buildRenderer(): void;
export declare const SERVE_OUT: string;
export declare const SERVE_OPTIONS: BuildOptions;
export declare function buildServe(): Promise<void>;
