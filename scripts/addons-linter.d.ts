/** The part of addons-linter's programmatic API (its README, "Using addons-linter as a library") Tessera uses. */
declare module 'addons-linter' {
  interface LinterConfig {
    _: string[];
    logLevel: string;
    stack: boolean;
    pretty: boolean;
    warningsAsErrors: boolean;
    metadata: boolean;
    output: 'none' | 'json' | 'text';
    boring: boolean;
    selfHosted: boolean;
  }
  const addonsLinter: {
    createInstance(options: { config: LinterConfig; runAsBinary: boolean }): { run(): Promise<unknown> };
  };
  export default addonsLinter;
}
