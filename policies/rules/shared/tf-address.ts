import type { Resource } from '../../engine/model';
import { classifyExpression, interpolations } from '../../engine/tf-expressions';
import { rawAt } from './read';

/**
 * The resource a Terraform value names when it is exactly one `${type.name.attr}` reference, even
 * if that resource is not in the loaded document (it may live in another file of the module; the
 * graph then reports the value unknown). The type alone can settle some questions: an attribute of
 * an `aws_kms_key` is a customer-managed key, and a reference to another address cannot be a
 * reference to the resource being judged.
 */
export function namedTerraformResource(res: Resource, path: string): { type: string; address: string } | undefined {
  if (res.source.format !== 'terraform') return undefined;
  const raw = rawAt(res, path);
  if (typeof raw !== 'string') return undefined;
  const found = interpolations(raw);
  if (found.length !== 1 || found[0].start !== 0 || found[0].end !== raw.length) return undefined;
  const meaning = classifyExpression(found[0].expression);
  if (meaning.kind !== 'resource') return undefined;
  const address = meaning.ref.address;
  return { type: address.slice(0, address.indexOf('.')), address };
}
