import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', 'cdktf.out/**', 'dist/**', '.bench/**', '.scratch-*/**', 'policies/integrations/pulumi/pack/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Barrel import costs ~4 s per process; import each azurerm resource from its submodule.
      'no-restricted-imports': ['error', { paths: [{ name: '@cdktf/provider-azurerm', message: 'Import the resource submodule, e.g. @cdktf/provider-azurerm/lib/storage-account.' }] }],
    },
  },
);
