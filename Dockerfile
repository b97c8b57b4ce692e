# One image per ClaimFlow service: docker build --build-arg SERVICE=ingest|validator|pricing|feedback .
# The same image also runs the one-shot migration (node scripts/prisma-migrate.mjs deploy, then roles).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependency layer first so source edits do not reinstall node_modules; libs/cli is an npm workspace
# (copied whole because npm links its bin file during install).
COPY package.json package-lock.json ./
COPY libs/cli libs/cli
# npm ci's postinstall applies patches/ (patch-package): kafkajs's record batch checksum from @node-rs/crc32.
COPY patches patches
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
# prisma generate runs offline (stub schema engine); the generated client is compiled into dist/ by the build, and so
# are the SDK's types (generated from docs/openapi/*.json, not committed).
RUN bash scripts/prisma-generate.sh && NX_DAEMON=false NX_NO_CLOUD=true npx nx run sdk:generate && npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=ingest|validator|pricing|feedback" >&2 && exit 1)
# The heap cap keeps each service under 400 MB RSS through a 20,000-claim burst (measured: V8 otherwise lets the
# validator grow to 480-570 MB, mostly garbage) at the price of more garbage collection (README, NODE_OPTIONS);
# tested with intake at its default limits (INGEST_MAX_BODY, INGEST_MAX_CLAIMS): raise it with them.
# --max-semi-space-size=32 doubles V8's young generation (its semi-spaces are 16 MB by default): a batch of claims in flight no
# longer outlives a scavenge and gets copied and promoted. `npm run bench pipeline`, two alternating runs each: CPU per
# claim to priced (all four) 2.19-2.41 -> 1.65-1.74 ms, burst 601-671 -> 848-883 claims/s; largest RSS 352-366 MB
# before, 360-391 MB (the validator) in four runs after. 24 measured the same within the runs' spread (1.55-1.68 ms,
# 374-378 MB); 64 was no faster and took the validator and pricing past 400 MB (411-420).
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HOST=0.0.0.0 \
    NODE_OPTIONS="--max-old-space-size=320 --max-semi-space-size=32"
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/scripts/prisma-migrate.mjs ./scripts/prisma-migrate.mjs
# docker-compose's kafka-acls runs the ACL script from this image.
COPY --from=build /app/scripts/kafka/acls.mjs /app/scripts/kafka/credentials.mjs ./scripts/kafka/
COPY --from=build /app/prisma/tooling ./prisma/tooling
USER node
# exec: node must be PID 1's process so SIGTERM from `docker stop` reaches the service's shutdown hooks.
CMD ["sh", "-c", "exec node dist/services/$SERVICE/src/main.js"]
