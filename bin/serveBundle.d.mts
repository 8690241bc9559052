// Types of serveBundle.mjs, for its test.
export declare function freshServeBundle(root: URL): string | null;
