// ESLint flat config: typescript-eslint with type information, so the rules can
// see what is a promise, what is `any` and what a cast really changes.
//
// Type information comes from tsconfig.json through the project service (the
// same files tsc checks). typescript-eslint still needs the TypeScript 6
// compiler API, which TypeScript 7 no longer ships: `typescript` in
// package.json is therefore the @typescript/typescript6 alias, while the `tsc`
// binary is TypeScript 7 from the @typescript/native alias (the side-by-side
// set-up the TypeScript 7.0 release notes describe). Drop both aliases once
// typescript-eslint supports TypeScript 7.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'data/', 'reports/', 'test-artifacts/', '.stryker-tmp/', 'seed/', 'cypher/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The few plain JavaScript files (this config, the Chromium check) get eslint's own rules only.
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its error: await it, or mark it `void` with a comment saying why.
      '@typescript-eslint/no-floating-promises': 'error',
      // `return promise` inside try/catch/finally skips the catch; only that case is reported.
      '@typescript-eslint/return-await': ['error', 'error-handling-correctness-only'],
      // Type-only imports are erased, so a module is never loaded just for its types.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // A leading underscore marks a binding kept on purpose (a rest sibling's omitted key, an
      // Express error handler's fourth argument, an interface method that ignores its argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: `async` without `await` is used on purpose here, to implement the Promise-returning
      // ports (GraphStore, auth repositories, seminar room steps) and so that a throw becomes a
      // rejection; removing `async` would change how those functions fail.
      '@typescript-eslint/require-await': 'off',
      // Off: engine rows are typed as the store port's Value union, which also holds node, list and
      // map values, so every String(row.field) at the store boundary would be reported; the row's
      // shape is fixed by its .cypher query. Template literals are still checked
      // (restrict-template-expressions), where an object printing as "[object Object]" is a real risk.
      '@typescript-eslint/no-base-to-string': 'off',
      // Async DOM listeners (addEventListener, h()'s onsubmit/onclick) and socket.io middlewares are
      // the normal form here, and each catches its own failure (try/catch around what it awaits).
      // Promises in conditions and spreads are still reported.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, properties: false } }],
      // Off: the code matches control characters on purpose (file names without them, XML 1.0's
      // forbidden characters, the Ladybug bind guard).
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read HTTP JSON bodies, engine rows and values evaluated in Chromium, and check them with
    // expect(); typing each body would restate its shape without checking it, so `any` is allowed
    // there. The browser tests build functions from strings to run them in the page on purpose.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-implied-eval': 'off',
      // Test doubles are driver-shaped object literals whose methods need the double itself.
      '@typescript-eslint/no-this-alias': 'off',
      // `any | null` and `Account | 'anonymous'` say what a helper expects even where the type is wide.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
);
