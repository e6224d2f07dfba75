/** Types of scripts/chromium.js, for the TypeScript that imports it (the benchmarks). */
export declare function findChromium(): string | null
export declare function chromiumPath(): string
export declare const chromiumArgs: string[]
