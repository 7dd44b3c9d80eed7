import type { ResourceGraph } from '../../engine/graph';
import type { Resource } from '../../engine/model';

/**
 * Whether an azurerm_monitor_diagnostic_setting targets a whole subscription (its activity log):
 * `/subscriptions/<id>` as a literal, or built from one value (`/subscriptions/${var.sub}`), or a
 * data.azurerm_subscription's id. Anything with a further path segment is a resource.
 */
export type SubscriptionTarget = 'subscription' | 'resource' | { readonly unknown: string };

const SUBSCRIPTION = /^\/subscriptions\/[^/]+\/?$/i;

export function subscriptionTarget(
  g: ResourceGraph,
  setting: Resource,
  path = 'target_resource_id',
): SubscriptionTarget {
  const v = g.value(setting, path);
  switch (v.kind) {
    case 'literal':
      return typeof v.value === 'string' && SUBSCRIPTION.test(v.value) ? 'subscription' : 'resource';
    case 'composed': {
      const text = v.parts.map((p) => (typeof p === 'string' ? p : '{}')).join('');
      if (/^\/subscriptions\/\{\}\/?$/i.test(text)) return 'subscription';
      return text.includes('/') && !/^\{\}$/.test(text)
        ? 'resource'
        : { unknown: `${path} is built from values decided at plan time` };
    }
    case 'reference':
      return 'resource';
    case 'unknown':
      if (
        v.target?.type === 'data.azurerm_subscription' ||
        /azurerm_subscription/.test(v.target?.address ?? v.reason)
      ) {
        return 'subscription';
      }
      return { unknown: v.reason };
    default:
      return 'resource';
  }
}
