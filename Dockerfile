# The image of the worker and the service, in two stages: the first installs everything
# (better-sqlite3 needs g++ and make), compiles the TypeScript to dist/ and builds the workspace into
# dist/web (`npm ci` runs `prepare`), and drops the dev tools; the second holds only the compiled
# program and the production modules, and runs the same `filings` command as on a developer's machine.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json vite.config.ts ./
COPY bin ./bin
COPY parsers ./parsers
COPY src ./src
COPY workers ./workers
COPY server ./server
COPY web ./web
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund && rm -f dist/.tsbuildinfo

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
USER node
EXPOSE 8080
CMD ["node", "bin/filings.js", "worker"]
