/** The scripts and the README inside the air-gapped bundle (make-bundle.ts). */

export const INSTALL_SCRIPT = `#!/bin/sh
# Installs the production dependencies from the bundle's own npm cache: no registry, no network.
# npm checks every tarball against the integrity sums of package-lock.json.
set -eu
cd "$(dirname "$0")"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "install: Node.js 20, 22 or 24 is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi
# Without the registry: --offline, and a registry address that answers nothing, in case a setting asks for one.
npm_config_registry="\${npm_config_registry:-http://127.0.0.1:9/}" \\
  npm ci --offline --omit=dev --cache ./npm-cache --no-audit --no-fund --loglevel=warn
mkdir -p .data
chmod 700 .data
echo "installed: start with ./start.sh (settings in ./command-api.env, see README.md)"
`;

export const START_SCRIPT = `#!/bin/sh
# Starts the API from the bundle's folder. Settings: the environment, or ./command-api.env (KEY=value lines).
set -eu
cd "$(dirname "$0")"
if [ -f ./command-api.env ]; then
  set -a
  . ./command-api.env
  set +a
fi
exec node dist/apps/command-api/src/main.js
`;

export function bundleReadme(version: string): string {
  return `# 应急指挥调度系统 ${version}: air-gapped install

This folder installs and runs the emergency command and dispatch system on a machine without Internet access. It holds
the built server (\`dist/\`), the built console (\`apps/console/dist/\`), \`package.json\`, \`package-lock.json\` and an
npm cache (\`npm-cache/\`) with every production dependency, for Linux x86-64 (glibc).

## Needs

- Linux x86-64 with glibc (Debian, Ubuntu, RHEL-compatible, Kylin/UOS on x86-64);
- Node.js 20, 22 or 24 (LTS) with npm, from the distribution or the Node.js binary archive;
- for more than one machine or a server room: PostgreSQL 14+ (docs/deployment.md in the repository, PostgreSQL high
  availability). Without \`DATABASE_URL\` the bundled embedded PostgreSQL runs under \`.data/pg\` (one machine only).

## Install

    tar -xzf emergency-command-${version}.tgz
    cd emergency-command-${version}
    ./install.sh          # npm ci --offline --omit=dev --cache ./npm-cache: nothing is downloaded

## Configure and start

Write \`command-api.env\` next to \`start.sh\` (mode 0600), for example:

    NODE_ENV=production
    HOST=0.0.0.0
    PORT=3000
    AUTH_TOKEN_SECRET=<openssl rand -hex 32>
    DATABASE_URL=postgres://command_app:<password>@db.internal:5432/emergency_command
    DATABASE_OWNER_URL=postgres://command:<password>@db.internal:5432/emergency_command
    TRUST_PROXY=<the reverse proxy's address>

then \`./start.sh\`. The administrator's first password is written to \`.data/admin-password\` (mode 0600). Health:
\`GET /health/ready\`. A systemd unit and an nginx configuration with TLS are in \`deploy/\`.
`;
}
