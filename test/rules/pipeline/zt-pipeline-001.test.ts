import { runCases } from '../helpers';
import { cases } from '../cases/zt-pipeline-001';
import { findings } from '../multi';

runCases(cases);

test('ZT-PIPELINE-001 reports each notebook fault at its own path', () => {
  const doc = cases.cases.find((c) => c.name === 'tf notebook with the default root access')!.doc;
  const nb = findings(cases.rule, doc, 'aws_sagemaker_notebook_instance.r');
  expect(nb.map((r) => [r.verdict, r.path])).toEqual([['fail', 'root_access']]);
  const defaults = cases.cases.find((c) => c.name === 'AML compute instance with the defaults')!.doc;
  const ci = findings(cases.rule, defaults, 'azurerm_machine_learning_compute_instance.r');
  expect(ci.map((r) => [r.verdict, r.path])).toEqual([
    ['fail', 'node_public_ip_enabled'],
    ['fail', 'local_auth_enabled'],
  ]);
});
