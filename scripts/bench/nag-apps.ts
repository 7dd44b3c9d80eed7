import { App, Stack } from 'aws-cdk-lib';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { resolveConfig } from '../../lib/core/config';
import { AwsPlatformStack } from '../../stacks/aws-platform-stack';

/**
 * The generated CDK apps the cdk-nag comparison synthesizes. Each is built as `cdk synth` builds an
 * app: the CDK CLI passes this context to the app process by default (path and asset metadata on,
 * version reporting on, every stack bundled), so the templates and metadata the plugins see are
 * the ones a user's synth writes.
 */
export const CDK_CLI_CONTEXT: Readonly<Record<string, unknown>> = {
  'aws:cdk:enable-path-metadata': true,
  'aws:cdk:enable-asset-metadata': true,
  'aws:cdk:version-reporting': true,
  'aws:cdk:bundling-stacks': ['**'],
};

export interface BenchApp {
  readonly label: string;
  /** Adds the app's stacks to `app`. */
  build(app: App): void;
}

/** The reference stack (every AWS layer of the blueprint), `copies` times under different names. */
export function platformApp(copies: number): BenchApp {
  return {
    label: `${copies} x the reference platform stack (every AWS layer)`,
    build: (app) => {
      for (let i = 0; i < copies; i++) {
        new AwsPlatformStack(app, `bench${i}-platform`, { config: resolveConfig({ name: `bench${i}` }) });
      }
    },
  };
}

/** `stacks` stacks, each an encrypted data lake of `zones` zone buckets: many resources of few types. */
export function dataLakeApp(stacks: number, zones: number): BenchApp {
  return {
    label: `${stacks} stacks x data lake (${zones} zones)`,
    build: (app) => {
      for (let i = 0; i < stacks; i++) {
        const stack = new Stack(app, `Bench${i}`);
        new SecureDataLake(stack, 'Lake', {
          zones: Array.from({ length: zones }, (_, z) => `zone${z}`),
          lineage: `b:${i}`,
        });
      }
    },
  };
}
