import { runCases, tf } from '../helpers';
import { cases } from '../cases/zt-network-003';
import { findings } from '../multi';

runCases(cases);

test('ZT-NETWORK-003 reports each open entry of a group at its own path', () => {
  const doc = cases.cases.find((c) => c.name === 'CFN group with ::/0 egress')!.doc;
  const paths = findings(cases.rule, doc, 'Sg')
    .filter((r) => r.verdict === 'fail')
    .map((r) => r.path);
  expect(paths).toEqual(['SecurityGroupEgress.0.CidrIpv6']);
  const two = findings(
    cases.rule,
    tf({
      aws_security_group: {
        r: {
          ingress: [{ cidr_blocks: ['0.0.0.0/0'] }, { cidr_blocks: ['10.0.0.0/8'] }],
          egress: [{ cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: ['::/0'] }],
        },
      },
    }),
    'aws_security_group.r',
  );
  expect(two.map((r) => [r.verdict, r.path])).toEqual([
    ['fail', 'ingress.0.cidr_blocks.0'],
    ['fail', 'egress.0.ipv6_cidr_blocks.0'],
  ]);
});
