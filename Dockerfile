# Production image, in three stages: build with the dev dependencies, install the runtime ones
# alone (`npm ci --omit=dev`), and ship only those and the build, run as the non-root `node` user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# Scripts off until the sources are here (`prepare` builds them); then the Prisma client
# (src/generated), which the build compiles, and the build.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run generate && npm run build

FROM node:20-bookworm-slim AS runtime-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the postinstall needs the `prisma` CLI, a dev dependency; the client it
# generates is already compiled into dist/ by the build stage.
# --omit=optional: leaves out optional peers (the prisma CLI and its engines, typescript) and
# pg-cloudflare, none of which the server uses.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=runtime-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY package.json ./
# Read at run time: migrations (applied at start or by the migrate step), seed articles, the
# example queries Playground opens as tabs, and Playground's vendored assets.
COPY prisma/migrations ./prisma/migrations
COPY prisma/seed ./prisma/seed
COPY schema ./schema
COPY src/server/playground/assets ./src/server/playground/assets
USER node
EXPOSE 4000
# main.js handles SIGTERM itself (drain, close the pool, exit 0).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The node flags of `npm start` (package.json): a heap limit that makes V8 collect the old
# generation at twice its live size rather than four times (docs/performance.md, "Memory").
CMD ["node", "--max-old-space-size=512", "--liftoff-only", "dist/src/main.js"]
