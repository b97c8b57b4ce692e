#!/usr/bin/env bash
# Stand-in for Prisma's native schema engine, which cannot be downloaded here. `prisma generate` only checks that
# the binary exists; anything that really needs the engine must fail loudly rather than pretend to succeed.
echo "prisma-schema-engine-stub: the native schema engine is not installed; use node scripts/prisma-migrate.mjs" >&2
exit 1
