// @ts-check
// A small rule set the code follows: the recommended sets, type-only imports spelled `import type`,
// and no promise left floating (a forgotten await in a handler loses errors and reorders replies).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "coverage/", "demo-output/", "bench/results.tmp/", "bench/data/", "eslint.config.js"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
);
