import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureDataLake } from '../../lib/aws/data-lake';
import { TrainingCompute, TrainingComputeProps } from '../../lib/aws/training-compute';
import { BlueprintConfigError } from '../../lib/core/errors';
import { thrown } from '../support/thrown';
import { fixtureNetwork } from './training-compute.fixture';

const app = new App({ builtinCloudFormationValidation: false });
const stack = new Stack(app, 'Props');
const { vpc, sg } = fixtureNetwork(stack);
const dataLake = new SecureDataLake(stack, 'DataLake');
const base: TrainingComputeProps = {
  vpc,
  securityGroups: [sg],
  dataLake,
  modelArtifacts: { bucket: dataLake.bucket('curated'), prefix: 'models/' },
};
let n = 0;
const build = (over: Partial<TrainingComputeProps>) => () =>
  new TrainingCompute(stack, `C${n++}`, { ...base, ...over });
const error = (over: Partial<TrainingComputeProps>) => thrown(BlueprintConfigError, build(over));

describe('TrainingCompute props validation', () => {
  test.each([
    [{ allowedInstanceTypes: ['ml.m5.xlarge'] }, 'TrainingCompute.allowedInstanceTypes[0]'],
    [{ allowedInstanceTypes: ['ml.trn1.32xlarge'] }, 'TrainingCompute.allowedInstanceTypes[0]'],
    [{ allowedInstanceTypes: ['g5.xlarge'] }, 'TrainingCompute.allowedInstanceTypes[0]'],
    [{ allowedInstanceTypes: [] }, 'TrainingCompute.allowedInstanceTypes'],
    [{ allowedInstanceTypes: ['ml.g5.xlarge', 'ml.g5.xlarge'] }, 'TrainingCompute.allowedInstanceTypes'],
    [{ maxInstanceCount: 0 }, 'TrainingCompute.maxInstanceCount'],
    [{ maxInstanceCount: -2 }, 'TrainingCompute.maxInstanceCount'],
    [{ maxInstanceCount: 1.5 }, 'TrainingCompute.maxInstanceCount'],
    [{ securityGroups: [] }, 'TrainingCompute.securityGroups'],
    [{ readZones: ['gold'] }, 'TrainingCompute.readZones[0]'],
    [{ notebookInstanceTypes: ['t3.medium'] }, 'TrainingCompute.notebookInstanceTypes[0]'],
    [{ launchTemplate: { instanceType: 'm5.large' } }, 'TrainingCompute.launchTemplate.instanceType'],
    [{ launchTemplate: { rootVolumeGiB: 8 } }, 'TrainingCompute.launchTemplate.rootVolumeGiB'],
    [{ project: 'Bad_Name' }, 'TrainingCompute.project'],
  ] as [Partial<TrainingComputeProps>, string][])('%j -> %s', (over, prop) => {
    const e = error(over);
    expect(e.prop).toBe(prop);
    expect(e.message).toContain(prop);
  });

  test('a non-GPU type names the accepted GPU families', () => {
    expect(error({ allowedInstanceTypes: ['ml.c5.xlarge'] }).message).toMatch(
      /g4dn, g5, g6, g6e, p3.*p4d, p4de, p5, p5e/,
    );
  });

  test('artifact prefix and artifact key are checked', () => {
    expect(error({ modelArtifacts: { bucket: dataLake.bucket('curated'), prefix: '/abs' } }).prop).toBe(
      'TrainingCompute.modelArtifacts.prefix',
    );
    const plain = s3.Bucket.fromBucketName(stack, 'Plain', 'plain-bucket');
    expect(error({ modelArtifacts: { bucket: plain } }).prop).toBe('TrainingCompute.modelArtifacts.key');
  });

  test('valid props build, and launchTemplate: false omits the template', () => {
    const c = build({ launchTemplate: false, allowedInstanceTypes: ['ml.p5.48xlarge'], maxInstanceCount: 16 })();
    expect(c.launchTemplate).toBeUndefined();
    expect(c.maxInstanceCount).toBe(16);
    expect(c.allowedInstanceTypes).toEqual(['ml.p5.48xlarge']);
    expect(c.readZones).toEqual(['curated', 'features']);
    expect(c.subnetIds).toHaveLength(
      vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds.length,
    );
  });
});
