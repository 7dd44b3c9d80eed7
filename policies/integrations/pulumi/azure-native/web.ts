import { type MergedChild, type Props, type Reader, defined, enabled, obj } from './read';

/**
 * Function apps (azure-native:web:WebApp with a `functionapp` kind): ARM keeps Linux and Windows
 * apps in one type, so the kind picks azurerm's; other web apps are not read (no rule judges them).
 * The language version sits in `siteConfig.linuxFxVersion` ("PYTHON|3.12") on Linux and in the
 * per-language versions on Windows; both become azurerm's site_config.application_stack.
 */
const LINUX_STACKS: Readonly<Record<string, string>> = {
  python: 'python_version',
  node: 'node_version',
  java: 'java_version',
  dotnet: 'dotnet_version',
  'dotnet-isolated': 'dotnet_version',
  powershell: 'powershell_core_version',
};

function applicationStack(site: Props, linux: boolean): unknown {
  if (typeof site.linuxFxVersion === 'string' && linux) {
    const [lang, version] = site.linuxFxVersion.split('|');
    const attr = LINUX_STACKS[lang.toLowerCase()];
    // A container image (DOCKER|...) or a custom handler names no language version.
    return attr && version ? { [attr]: version } : undefined;
  }
  if (linux) return undefined;
  const stack = defined({
    dotnet_version: site.netFrameworkVersion,
    java_version: site.javaVersion,
    powershell_core_version: site.powerShellVersion,
    node_version: site.nodeVersion,
  });
  return Object.keys(stack).length ? stack : undefined;
}

const isLinux = (p: Props): boolean => typeof p.kind === 'string' && /linux/i.test(p.kind);

function functionApp(p: Props): Props {
  const site = typeof p.siteConfig === 'string' ? undefined : obj(p.siteConfig);
  return defined({
    name: p.name,
    public_network_access_enabled: enabled(p.publicNetworkAccess),
    virtual_network_subnet_id: p.virtualNetworkSubnetId,
    site_config:
      typeof p.siteConfig === 'string'
        ? p.siteConfig // unknown at preview
        : defined({
            app_scale_limit: site?.functionAppScaleLimit,
            application_stack: site ? applicationStack(site, isLinux(p)) : undefined,
          }),
  });
}

/** ARM's authsettingsV2 (its own resource) as the app's auth_settings_v2 block. */
export const authSettingsV2 = (p: Props): Props => {
  const platform = obj(p.platform);
  const global = obj(p.globalValidation);
  return defined({
    auth_enabled: platform.enabled,
    require_authentication: global.requireAuthentication,
    unauthenticated_action: global.unauthenticatedClientAction,
  });
};

export const WEB: Readonly<Record<string, Reader>> = {
  'azure-native:web:WebApp': {
    type: 'azurerm_linux_function_app',
    typeOf: (p) =>
      typeof p.kind === 'string' && /functionapp/i.test(p.kind)
        ? isLinux(p)
          ? 'azurerm_linux_function_app'
          : 'azurerm_windows_function_app'
        : undefined,
    read: functionApp,
  },
};

export const WEB_CHILDREN: Readonly<Record<string, MergedChild>> = {
  'azure-native:web:WebAppAuthSettingsV2': { parent: 'name', attribute: 'auth_settings_v2', read: authSettingsV2 },
};
